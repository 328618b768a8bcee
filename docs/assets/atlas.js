/* Interpol Atlas: small enhancements. Everything works without this file;
   it only copies citations and fills in the reader's access date. No storage, no requests. */
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var now = new Date();
  var iso = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  /* The page gives the date pattern and month names: the browser's own date
     formatting is slow on phones the first time it runs. */
  document.querySelectorAll("[data-atlas-accessed]").forEach(function (node) {
    if (node.getAttribute("data-atlas-style") === "iso") {
      node.textContent = iso;
      return;
    }
    var pattern = node.getAttribute("data-atlas-pattern") || "";
    var months = (node.getAttribute("data-atlas-months") || "").split("|");
    var text = pattern
      .replace("%(d)s", String(now.getDate()))
      .replace("%(MMMM)s", months[now.getMonth()] || "%")
      .replace("%(y)s", String(now.getFullYear()));
    if (months.length === 12 && text.indexOf("%") === -1) { node.textContent = text; } /* else keep the build date */
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

/* Countries overview: sort by a column; say when filters leave no row. */
(function () {
  "use strict";
  var table = document.querySelector("table.atlas-overview");
  if (!table) { return; }
  var body = table.tBodies[0];
  var headers = table.tHead.rows[0].cells;
  var sortLabel = table.getAttribute("data-sort-label") || "";
  Array.prototype.forEach.call(headers, function (th, index) {
    var kind = th.getAttribute("data-sort");
    if (!kind) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    if (sortLabel) { button.title = sortLabel; }
    th.textContent = "";
    th.appendChild(button);
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(headers, function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x, y;
        if (kind === "risk") {
          x = +a.getAttribute("data-risk-order"); y = +b.getAttribute("data-risk-order");
          return ascending ? x - y : y - x;
        }
        x = (a.cells[index].querySelector("time") || {}).dateTime || a.cells[index].textContent.trim();
        y = (b.cells[index].querySelector("time") || {}).dateTime || b.cells[index].textContent.trim();
        return ascending ? x.localeCompare(y, document.documentElement.lang) : y.localeCompare(x, document.documentElement.lang);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  var empty = document.querySelector(".atlas-no-match");
  function update() {
    var visible = Array.prototype.some.call(body.rows, function (row) { return row.offsetParent !== null; });
    if (empty) { empty.style.display = visible ? "none" : "block"; }
  }
  document.querySelectorAll(".atlas-filters input").forEach(function (input) {
    input.addEventListener("change", update);
  });
})();

/* Search page: Pagefind's UI from this site's own /pagefind/ folder; it searches only
   the index of the page's language. The folder is given to Pagefind as a full address:
   it imports its files relative to its own script, and takes the site's address (for
   result links) from the folder's path, so a relative path only worked at a host's root. */
(function () {
  "use strict";
  var box = document.getElementById("atlas-search");
  if (!box) { return; }
  var bundle = new URL(box.getAttribute("data-bundle"), location.href).href;
  var endings = (box.getAttribute("data-endings") || "").split(" ").filter(Boolean);
  var shortest = Number(box.getAttribute("data-shortest-stem")) || 3;
  function stem(word) {
    var lowered = word.toLowerCase();
    if (!/[\u0400-\u04ff]/.test(lowered)) { return word; }
    for (var i = 0; i < endings.length; i += 1) {
      var ending = endings[i];
      if (lowered.slice(-ending.length) === ending && lowered.length - ending.length >= shortest) {
        return lowered.slice(0, -ending.length);
      }
    }
    return lowered;
  }
  function processTerm(term) { return term.split(/\s+/).map(stem).join(" "); }
  box.atlasProcessTerm = processTerm; /* what a query becomes (the browser tests read it) */
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = function () {
    /* global PagefindUI */
    new PagefindUI({
      element: "#atlas-search",
      bundlePath: bundle,
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      debounceTimeoutMs: 150,
      /* Russian and Belarusian words change their endings: search for each word's stem (the
         endings come from the build, atlas/model/glossary.py), which Pagefind matches as the
         beginning of every form: «экстрадыцыі» finds «экстрадыцыя». */
      processTerm: processTerm,
      translations: {
        placeholder: box.getAttribute("data-placeholder"),
        search_label: box.getAttribute("data-placeholder"),
        zero_results: box.getAttribute("data-zero"),
        many_results: box.getAttribute("data-many"),
        one_result: box.getAttribute("data-one"),
        clear_search: box.getAttribute("data-clear"),
        load_more: box.getAttribute("data-more")
      }
    });
  };
  document.body.appendChild(script);
})();

/* A–Z index: a filter box over the list (the list itself needs no JavaScript). */
(function () {
  "use strict";
  var input = document.getElementById("atlas-az-query");
  if (!input) { return; }
  var none = document.querySelector(".atlas-az-none");
  var items = document.querySelectorAll(".atlas-az li");
  function fold(text) { return text.toLowerCase().replace(/ё/g, "е"); }
  input.addEventListener("input", function () {
    var query = fold(input.value.trim());
    var shown = 0;
    Array.prototype.forEach.call(items, function (item) {
      var match = !query || fold(item.textContent).indexOf(query) !== -1;
      item.hidden = !match;
      if (match) { shown += 1; }
    });
    document.querySelectorAll(".atlas-az-group").forEach(function (group) {
      group.hidden = !group.querySelector("li:not([hidden])");
    });
    none.hidden = shown > 0;
  });
})();
