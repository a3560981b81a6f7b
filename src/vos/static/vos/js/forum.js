// The Open Forum without reloads: liking, posting a contribution and answering one are
// sent in the background and the page is updated in place (the server renders the
// thread, in the reader's language). Without this file every form posts and redirects.
(function () {
  "use strict";
  if (!window.fetch) {
    return;
  }

  function send(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) {
      data.set(submitter.name, submitter.value);
    }
    return fetch(form.action, {
      method: "POST",
      body: data,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then(function (response) {
      return response.json().then(function (body) {
        return { ok: response.ok, body: body };
      });
    });
  }

  function announce(form, text, isError) {
    var box = form.querySelector(".form-status");
    if (!box) {
      box = document.createElement("p");
      box.className = "form-status";
      box.setAttribute("role", isError ? "alert" : "status");
      form.appendChild(box);
    }
    box.classList.toggle("message--error", !!isError);
    box.textContent = text;
  }

  function placeThread(result) {
    var wrapper = document.createElement("div");
    wrapper.innerHTML = result.html;
    var thread = wrapper.firstElementChild;
    var existing = document.getElementById("thread-" + result.thread);
    if (existing) {
      existing.replaceWith(thread);
    } else {
      var list = document.querySelector(".contributions");
      var heading = list.querySelector("h2");
      heading.after(thread);
      var empty = list.querySelector(".empty");
      if (empty) {
        empty.remove();
      }
    }
    return thread;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var like = form.matches("form[data-like]");
    var post = form.matches("form[data-post]");
    if (!like && !post) {
      return;
    }
    event.preventDefault();
    var submitter = event.submitter;
    send(form, submitter)
      .then(function (result) {
        if (like) {
          var button = form.querySelector("button");
          button.setAttribute("aria-pressed", result.body.liked ? "true" : "false");
          button.textContent = result.body.label;
          var article = form.closest("article");
          article.querySelector("[data-likes]").textContent = result.body.count;
          return;
        }
        if (!result.ok) {
          announce(form, (result.body.errors || []).join(" "), true);
          return;
        }
        var thread = placeThread(result.body);
        if (form.closest(".thread")) {
          var status = document.createElement("p");
          status.className = "form-status";
          status.setAttribute("role", "status");
          status.textContent = result.body.message;
          thread.appendChild(status);
        } else {
          form.reset();
          announce(form, result.body.message, false);
        }
      })
      .catch(function () {
        form.submit();
      });
  });
})();
