// On a narrow screen the program's filters fold behind their "Filter" control, unless
// some are on, so the first activity is in the first screen. Without this file they
// stay open.
(function () {
  "use strict";
  if (!window.matchMedia) {
    return;
  }
  var narrow = window.matchMedia("(max-width: 40rem)");
  function apply() {
    var fold = document.querySelector("details[data-fold-on-phone]");
    if (fold) {
      fold.open = !narrow.matches || fold.hasAttribute("data-filtered");
    }
  }
  apply();
  narrow.addEventListener("change", apply);
  // The program may be swapped in again in the reader's zone (timezone.js).
  document.addEventListener("vos:page-updated", apply);
})();
