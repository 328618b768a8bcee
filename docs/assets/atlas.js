/* Interpol Atlas: small enhancements. Everything works without this file;
   it only copies citations and fills in the reader's access date. No storage, no requests. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  var locale = lang === "en" ? "en-GB" : lang;

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var now = new Date();
  var iso = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  document.querySelectorAll("[data-atlas-accessed]").forEach(function (node) {
    if (node.getAttribute("data-atlas-style") === "iso") {
      node.textContent = iso;
    } else {
      try {
        node.textContent = now.toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" });
      } catch (e) { /* keep the build date */ }
    }
  });

  document.querySelectorAll("[data-atlas-copy]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-atlas-copy"));
    if (!target || !navigator.clipboard) { return; }
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(target.innerText.trim()).then(function () {
        button.textContent = button.getAttribute("data-atlas-copied");
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
})();
