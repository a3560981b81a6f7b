// Live preview of a time being chosen: the same moment in the edition's zone, in UTC and
// in a handful of regions, with night hours marked. The server renders it, as when
// "Check the times" is pressed: the same words and date formats, and the form's own
// message when the time cannot be (a daylight-saving gap, an end before the start).
// The form works without this file.
(function () {
  "use strict";
  var form = document.querySelector("form.activity-form");
  var preview = form && form.querySelector(".time-preview");
  if (!preview || !window.fetch) {
    return;
  }
  var timeFields = ["slot", "time_zone", "time_zone_pick", "start", "end", "duration"];
  var timer = null;
  var asked = 0;

  function refresh() {
    var data = new FormData(form);
    data.set("preview", "1");
    var ask = ++asked;
    fetch(form.action || location.href, {
      method: "POST",
      body: data,
      headers: { "X-Time-Preview": "1" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null || ask !== asked) {
          return; // an older answer, or none: the button still checks the times
        }
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".time-preview");
        if (fresh) {
          preview.innerHTML = fresh.innerHTML;
        }
      })
      .catch(function () {});
  }

  function changed(event) {
    if (timeFields.indexOf(event.target.name) === -1) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
})();
