// hmip web: progressive enhancement only; every page works without this file.
(function () {
  "use strict";
  // "/" focuses the search box, as on most search sites.
  document.addEventListener("keydown", function (e) {
    var q = document.getElementById("q");
    if (e.key === "/" && q && document.activeElement !== q && !/INPUT|TEXTAREA/.test(document.activeElement.tagName)) {
      e.preventDefault();
      q.focus();
      q.select();
    }
  });
  // Trend tables: remember which <details> were opened.
  document.querySelectorAll("section.trend details").forEach(function (d) {
    var key = "hmip-open-" + d.parentElement.id;
    try { if (sessionStorage.getItem(key) === "1") d.open = true; } catch (err) { /* storage disabled */ }
    d.addEventListener("toggle", function () {
      try { sessionStorage.setItem(key, d.open ? "1" : "0"); } catch (err) { /* storage disabled */ }
    });
  });
})();
