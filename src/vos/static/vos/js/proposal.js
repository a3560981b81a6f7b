// Live preview of a time being chosen: the same moment in the edition's zone, in UTC and
// in a handful of regions, with night hours marked. The server renders the same preview
// when "Check the times" is pressed, so the form works without this file.
(function () {
  "use strict";
  var form = document.querySelector("form.activity-form");
  if (!form || !window.Intl) {
    return;
  }
  var field = function (name) {
    return form.querySelector("[name=" + name + "]");
  };
  var nightLabel = (document.getElementById("night-label") || {}).innerHTML || "night";

  function wallClock(instant, zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit",
    }).formatToParts(instant).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  }

  // The instant at which the wall clock of `zone` shows `local` ("2020-09-20T18:00").
  function instantOf(local, zone) {
    var match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local || "");
    if (!match) {
      return null;
    }
    var wanted = Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5]);
    var guess = wanted - (wallClock(new Date(wanted), zone) - wanted);
    guess = wanted - (wallClock(new Date(guess), zone) - guess);
    return wallClock(new Date(guess), zone) === wanted ? new Date(guess) : null;
  }

  function show(instant, zone) {
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      timeZone: zone, weekday: "short", day: "numeric", month: "short", hour: "2-digit",
      minute: "2-digit", hourCycle: "h23",
    }).format(instant);
  }

  function hourIn(instant, zone) {
    return new Date(wallClock(instant, zone)).getUTCHours();
  }

  function chosenTimes() {
    var slot = form.querySelector("input[name=slot]:checked");
    if (slot) {
      return [new Date(slot.dataset.start), new Date(slot.dataset.end)];
    }
    var zone = (field("time_zone") || {}).value;
    var start = field("start") && instantOf(field("start").value, zone);
    if (!start) {
      return null;
    }
    var end = field("end") && field("end").value ? instantOf(field("end").value, zone) : null;
    if (!end) {
      end = new Date(start.getTime() + 60000 * (+(field("duration") || {}).value || 90));
    }
    return [start, end];
  }

  function update() {
    var times;
    try {
      times = chosenTimes();
    } catch (error) {
      times = null; // an unknown zone is still being typed
    }
    if (!times) {
      return;
    }
    var editionZone = form.dataset.editionZone;
    var put = function (selector, text) {
      var target = form.querySelector(selector);
      if (target) {
        target.textContent = text;
      }
    };
    put("[data-preview=edition] span", show(times[0], editionZone) + " (" + editionZone + ")");
    put("[data-preview=utc] span", show(times[0], "UTC"));
    form.querySelectorAll("tr[data-awake-zone]").forEach(function (row) {
      var zone = row.dataset.awakeZone;
      var startHour = hourIn(times[0], zone);
      var endHour = hourIn(new Date(times[1].getTime() - 60000), zone);
      var night = startHour >= 22 || startHour < 7 || endHour >= 22 || endHour < 7;
      row.classList.toggle("night", night);
      row.querySelector("td").textContent =
        show(times[0], zone) + "–" + show(times[1], zone).slice(-5) + (night ? " · " + nightLabel : "");
    });
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
})();
