// Parts of a page that update while it is open: an element with data-live-url is
// replaced by what that address answers, asked every second and a half with the version the
// page holds (an empty 304 while nothing changed). Without this file the page refreshes
// itself (a <noscript> refresh) and still works.
(function () {
  "use strict";
  if (!window.fetch) {
    return;
  }
  var SECONDS = 1.5;
  document.querySelectorAll("[data-live-url]").forEach(function (element) {
    var etag = element.getAttribute("data-live-etag") || "";
    function poll() {
      if (document.hidden) {
        return;
      }
      var headers = etag ? { "If-None-Match": etag } : {};
      fetch(element.getAttribute("data-live-url"), {
        headers: headers,
        cache: "no-store",
        credentials: "same-origin",
      })
        .then(function (response) {
          if (response.status !== 200) {
            return null;
          }
          etag = response.headers.get("ETag") || "";
          return response.text();
        })
        .then(function (html) {
          if (html !== null && html !== undefined) {
            element.innerHTML = html;
          }
        })
        .catch(function () {});
    }
    setInterval(poll, SECONDS * 1000);
  });
})();
