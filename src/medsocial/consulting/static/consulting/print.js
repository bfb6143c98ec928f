// The printable plan's "Print or save as PDF" button (no inline handlers: the CSP forbids them).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });
})();
