// The speaker's time counting down on every open page: each [data-seconds-left] counts
// from the moment it was put in the page (the live part replaces it at each change).
(function () {
  "use strict";
  function clock(seconds) {
    var sign = seconds < 0 ? "-" : "";
    seconds = Math.abs(seconds);
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return sign + minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }
  setInterval(function () {
    var now = Date.now();
    document.querySelectorAll("[data-seconds-left]").forEach(function (element) {
      if (!element.dataset.from) {
        element.dataset.from = String(now);
      }
      var left = Number(element.dataset.secondsLeft) - Math.floor((now - Number(element.dataset.from)) / 1000);
      element.textContent = clock(left);
      element.classList.toggle("timer--over", left < 0);
    });
  }, 1000);
})();
