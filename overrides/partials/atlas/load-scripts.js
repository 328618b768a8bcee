/* Load the theme's scripts once the page has been painted, so that the first paint of a
   page never waits for them (everything they add is an enhancement). Material starts on
   DOMContentLoaded, which has already fired by then: while the scripts run for the
   first time, a listener for it is called at once. */
(function (sources) {
  "use strict";
  /* `sources` are paths from the site's root; the theme's base leads there from this
     page, on the site and in an offline copy alike. */
  var config = document.getElementById("__config");
  var base = (config && JSON.parse(config.textContent).base) || ".";
  var started = false;
  function start() {
    if (started) { return; }
    started = true;
    var listen = document.addEventListener;
    document.addEventListener = function (type, listener, options) {
      if (type === "DOMContentLoaded" && document.readyState !== "loading") {
        setTimeout(function () { listener.call(document, new Event(type)); }, 0);
        return;
      }
      return listen.call(this, type, listener, options);
    };
    sources.forEach(function (source, index) {
      var script = document.createElement("script");
      script.src = base.replace(/\/$/, "") + "/" + source;
      script.async = false;
      if (index === sources.length - 1) {
        script.onload = script.onerror = function () { document.addEventListener = listen; };
      }
      document.head.appendChild(script);
    });
  }
  /* Start after the first paint, once the whole page is parsed and laid out: the theme's
     first look at the layout is then cheap, and its work comes in short separate tasks. */
  var painted = false;
  function whenReady() {
    if (painted && document.readyState === "complete") {
      requestAnimationFrame(function () { setTimeout(start, 0); });
    }
  }
  window.addEventListener("load", whenReady);
  var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (types && types.indexOf("paint") !== -1) {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName("first-contentful-paint").length) {
        observer.disconnect();
        painted = true;
        whenReady();
      }
    }).observe({ type: "paint", buffered: true });
    /* A page opened in a background tab is not painted until it is shown. */
    window.addEventListener("load", function () { setTimeout(start, 3000); });
  } else {
    painted = true;
  }
})
