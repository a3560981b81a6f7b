// On a first visit, remember the browser's own time zone so that the server shows every
// time in it from the next page on, and show this page's times in it at once: one small
// request renders them again (in the page's words and formats), instead of loading the
// whole page twice. Pages work without this file: they then use the site's zone.
(function () {
  "use strict";
  var root = document.documentElement;
  if (root.dataset.tzSource !== "default") {
    return;
  }
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) {
    return;
  }
  var secure = location.protocol === "https:" ? ";secure" : "";
  document.cookie =
    "vos_tz=" + encodeURIComponent(zone) + ";path=/;max-age=31536000;samesite=lax" + secure;
  if (zone === root.dataset.tz || !window.fetch) {
    return;
  }

  function describe(element) {
    if (element.dataset.untilFrom) {
      return { kind: "until", at: element.dateTime, from: element.dataset.untilFrom };
    }
    if (element.dataset.whenLocal) {
      return { kind: "local", at: element.dateTime, style: element.dataset.whenLocal };
    }
    return { kind: "when", at: element.dateTime, style: element.dataset.when };
  }

  function renderAgain() {
    var times = document.querySelectorAll("time[data-when], time[data-when-local], time[data-until-from]");
    var asked = Array.prototype.map.call(times, describe);
    fetch(root.dataset.localTimes, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ zone: zone, times: asked }),
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        if (!answer) {
          return; // the next page will be in the new zone anyway
        }
        Array.prototype.forEach.call(times, function (element, index) {
          element.textContent = answer.texts[index];
        });
        document.querySelectorAll("[data-zone-text]").forEach(function (element) {
          var text = answer.labels[element.dataset.zoneText];
          if (text === undefined) {
            return;
          }
          if (element.tagName === "INPUT") {
            element.value = text;
          } else {
            element.textContent = text;
          }
        });
        root.dataset.tz = answer.zone;
        root.dataset.tzSource = "cookie";
      })
      .catch(function () {});
  }

  // Whatever the reader already typed or chose in the part survives the swap.
  function keepWhatWasTyped(old, swapped) {
    old.querySelectorAll("input[name], select[name], textarea[name]").forEach(function (field) {
      var twin = swapped.querySelector('[name="' + field.name + '"]');
      if (!twin || field.type === "hidden") {
        return;
      }
      if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked !== field.defaultChecked) {
          var same = swapped.querySelector('[name="' + field.name + '"][value="' + field.value + '"]');
          if (same) {
            same.checked = field.checked;
          }
        }
      } else if (field.tagName === "SELECT") {
        var changed = Array.prototype.some.call(field.options, function (option) {
          return option.selected !== option.defaultSelected;
        });
        if (changed) {
          twin.value = field.value;
        }
      } else if (field.value !== field.defaultValue) {
        twin.value = field.value;
      }
    });
  }

  // A page that groups by the reader's days (the program, an agenda) needs the server's
  // days in the new zone, not only its times: its main part is fetched again and swapped.
  function fetchDaysAgain(part) {
    fetch(location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var freshPart = fresh.querySelector("[data-zone-days]");
        if (freshPart) {
          var swapped = document.importNode(freshPart, true);
          keepWhatWasTyped(part, swapped);
          var focused = document.activeElement && part.contains(document.activeElement)
            ? document.activeElement.id
            : "";
          part.replaceWith(swapped);
          if (focused && document.getElementById(focused)) {
            document.getElementById(focused).focus();
          }
        }
        document.querySelectorAll("[data-zone-text]").forEach(function (element) {
          var match = fresh.querySelector('[data-zone-text="' + element.dataset.zoneText + '"]');
          if (!match) {
            return;
          }
          if (element.tagName === "INPUT") {
            element.value = match.value;
          } else {
            element.textContent = match.textContent;
          }
        });
        root.dataset.tz = fresh.documentElement.dataset.tz || zone;
        root.dataset.tzSource = "cookie";
        document.dispatchEvent(new CustomEvent("vos:page-updated"));
      })
      .catch(function () {});
  }

  function start() {
    var part = document.querySelector("[data-zone-days]");
    if (part) {
      fetchDaysAgain(part);
    } else {
      renderAgain();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
