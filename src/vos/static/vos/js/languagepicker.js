// Language pickers: a search box that narrows the long list of languages as one types
// (in the page's language or in the language itself, accents ignored). Without this
// file the list is a plain list of checkboxes.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUp(picker) {
    var search = picker.querySelector(".language-search");
    var input = search.querySelector("input");
    var count = search.querySelector("[aria-live]");
    var options = Array.prototype.slice.call(picker.querySelectorAll(".language-option"));
    var groups = picker.querySelectorAll(".language-group");
    var words = options.map(function (option) {
      return fold(option.textContent + " " + option.querySelector("input").value);
    });
    var template = picker.dataset.countTemplate || "";

    function narrow() {
      var wanted = fold(input.value.trim());
      var shown = 0;
      options.forEach(function (option, index) {
        var visible = !wanted || words[index].indexOf(wanted) !== -1;
        option.hidden = !visible;
        shown += visible ? 1 : 0;
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !group.querySelector(".language-option:not([hidden])");
      });
      count.textContent = wanted ? template.replace("%s", shown) : "";
    }

    search.hidden = false;
    input.addEventListener("input", narrow);
    input.addEventListener("keydown", function (event) {
      // Enter goes to the first language shown instead of sending the form.
      if (event.key === "Enter") {
        event.preventDefault();
        var first = picker.querySelector(".language-option:not([hidden]) input");
        if (first) {
          first.focus();
        }
      }
    });
  }

  document.querySelectorAll("[data-language-picker]").forEach(setUp);
})();
