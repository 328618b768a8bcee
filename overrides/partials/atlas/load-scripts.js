/* Load the theme's scripts once the page has been painted and laid out, so that the
   first paint never waits for them (everything they add is an enhancement), the theme's
   first look at the layout is cheap, and its work comes in short separate tasks.
   Inlined at the end of every page by scripts/atlas/script_loading.py, without these
   comments, so it is written tersely:
     s  the scripts: paths from the site's root (the theme's base in #__config leads
        there from this page, on the site and in an offline copy alike)
     go start them, once; ready: start after the first paint and the page's load
     Material starts on DOMContentLoaded, which has fired by then: while the scripts run
     for the first time, a listener for it (add) is called at once. */
(function (s) {
  "use strict";
  var d = document, n = 0, painted = 0, c = d.getElementById("__config");
  var base = ((c && JSON.parse(c.textContent).base) || ".").replace(/\/$/, "");
  function go() {
    if (n++) return;
    var add = d.addEventListener;
    d.addEventListener = function (t, f, o) {
      if (t != "DOMContentLoaded" || d.readyState == "loading") return add.call(this, t, f, o);
      setTimeout(function () { f.call(d, new Event(t)); });
    };
    s.forEach(function (src, i) {
      var e = d.createElement("script");
      e.src = base + "/" + src;
      e.async = false;
      if (i == s.length - 1) e.onload = e.onerror = function () { d.addEventListener = add; };
      d.head.appendChild(e);
    });
  }
  function ready() {
    if (painted && d.readyState == "complete") requestAnimationFrame(function () { setTimeout(go); });
  }
  addEventListener("load", ready);
  try {
    new PerformanceObserver(function (list, o) {
      if (list.getEntriesByName("first-contentful-paint").length) {
        o.disconnect();
        painted = 1;
        ready();
        setTimeout(go, 2000); /* a file that never finishes loading must not hold them back */
      }
    }).observe({ type: "paint", buffered: true });
    addEventListener("load", function () { setTimeout(go, 3000); }); /* a background tab paints only when shown */
  } catch (x) {
    painted = 1; /* no paint timing in this browser: start once the page has loaded */
  }
})
