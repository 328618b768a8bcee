/* Starts the theme's scripts once the page has been painted and laid out, so that the
   first paint never waits for them (everything they add is an enhancement), the theme's
   first look at the layout is cheap, and its work comes in short separate tasks.

   Every page ends with <script src=".../assets/atlas-loader.js" data-atlas-scripts="..."
   async> (written by scripts/atlas/script_loading.py): the scripts it names are paths
   from the site's root, which is this file's parent folder, on the site and in an
   offline copy alike. Being a file, not inline code, it is downloaded once per visit.

   It also defines Material's storage helpers (__md_scope, __md_get, __md_set,
   __md_hash), which Material's own template writes inline in every page's head: they
   are only used by its script, so they are defined here, before it starts.

   Material starts on DOMContentLoaded, which has fired by then: while the scripts run
   for the first time, a listener for it is called at once. */
(function () {
  "use strict";
  var d = document;
  var me = d.currentScript;
  var root = new URL("../", me.src);
  var scripts = (me.getAttribute("data-atlas-scripts") || "").split(" ").filter(Boolean);
  var started = false;
  var painted = false;

  window.__md_scope = root;
  window.__md_hash = function (e) {
    return Array.from(e).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || __md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || __md_scope;
    try {
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (e) {
      /* storage full or refused: nothing to keep */
    }
  };

  function start() {
    if (started) return;
    started = true;
    var subscribe = d.addEventListener;
    d.addEventListener = function (type, listener, options) {
      if (type != "DOMContentLoaded" || d.readyState == "loading") return subscribe.call(this, type, listener, options);
      setTimeout(function () { listener.call(d, new Event(type)); });
    };
    scripts.forEach(function (path, i) {
      var tag = d.createElement("script");
      tag.src = new URL(path, root).href;
      tag.async = false;
      if (i == scripts.length - 1) tag.onload = tag.onerror = function () { d.addEventListener = subscribe; };
      d.head.appendChild(tag);
    });
  }

  function startWhenReady() {
    if (painted && d.readyState == "complete") requestAnimationFrame(function () { setTimeout(start); });
  }

  addEventListener("load", startWhenReady);
  try {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName("first-contentful-paint").length) {
        observer.disconnect();
        painted = true;
        startWhenReady();
        setTimeout(start, 2000); /* a file that never finishes loading must not hold them back */
      }
    }).observe({ type: "paint", buffered: true });
    addEventListener("load", function () { setTimeout(start, 3000); }); /* a background tab paints only when shown */
  } catch (e) {
    painted = true; /* no paint timing in this browser: start once the page has loaded */
  }
  startWhenReady(); /* in case the page had already loaded */
})();
