// The proposal form's organizations: a search box that suggests names from the directory
// as one types, and adds the chosen one to the list. Without this file the list is typed
// by hand, one name per line.
(function () {
  "use strict";

  function setUp(finder) {
    var list = document.getElementById(finder.dataset.target);
    var input = finder.querySelector("input");
    var options = finder.querySelector("datalist");
    var button = finder.querySelector("button");
    var timer = null;
    finder.hidden = false;

    function suggest() {
      var text = input.value.trim();
      if (text.length < 2) {
        return;
      }
      fetch(finder.dataset.organizationFind + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { names: [] };
        })
        .then(function (data) {
          options.replaceChildren();
          data.names.forEach(function (name) {
            var option = document.createElement("option");
            option.value = name;
            options.appendChild(option);
          });
        })
        .catch(function () {});
    }

    function add() {
      var name = input.value.trim();
      if (!name) {
        return;
      }
      var names = list.value.split("\n").map(function (line) {
        return line.trim().toLowerCase();
      });
      if (names.indexOf(name.toLowerCase()) === -1) {
        list.value = (list.value.trim() ? list.value.trim() + "\n" : "") + name;
      }
      input.value = "";
      input.focus();
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        add();
      }
    });
    button.addEventListener("click", add);
  }

  document.querySelectorAll("[data-organization-find]").forEach(setUp);
})();
