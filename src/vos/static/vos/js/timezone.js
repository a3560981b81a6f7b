// On a first visit, remember the browser's own time zone so that the server can show
// every time in it. Pages work without this file: they then use the site's zone.
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
  // Show this very page in the right zone too, once, and only for plain page loads.
  if (zone !== root.dataset.tz && root.dataset.tzReload === "1") {
    try {
      if (sessionStorage.getItem("vos_tz_reloaded") === zone) {
        return;
      }
      sessionStorage.setItem("vos_tz_reloaded", zone);
    } catch (error) {
      return;
    }
    location.reload();
  }
})();
