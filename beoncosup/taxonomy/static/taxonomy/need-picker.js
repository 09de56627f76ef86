// Filter box for the editors' need picker (taxonomy/widgets.py). Without this script every
// need is listed in its domain group; with it, typing hides the needs that do not match and
// opens the groups that hold a match.
(function () {
  "use strict";

  function words(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/\s+/).filter(Boolean);
  }

  function setUp(picker) {
    if (picker.dataset.needPickerReady) return;
    picker.dataset.needPickerReady = "1";
    var box = picker.querySelector("[data-need-picker-filter]");
    var input = box.querySelector("input");
    var count = box.querySelector(".need-picker-count");
    var groups = Array.prototype.slice.call(picker.querySelectorAll("[data-need-picker-group]"));
    var template = count.dataset.template || "";
    box.hidden = false;

    input.addEventListener("input", function () {
      var wanted = words(input.value);
      var shown = 0;
      groups.forEach(function (group) {
        var domain = group.querySelector("summary").textContent;
        var matches = 0;
        group.querySelectorAll("[data-need-picker-option]").forEach(function (option) {
          var haystack = words(domain + " " + option.textContent).join(" ");
          var hit = wanted.every(function (word) { return haystack.indexOf(word) !== -1; });
          option.hidden = !hit;
          if (hit) matches += 1;
        });
        group.hidden = matches === 0;
        if (wanted.length) group.open = matches > 0;
        shown += matches;
      });
      var total = picker.querySelectorAll("[data-need-picker-option]").length;
      count.textContent = wanted.length
        ? template.replace("{shown}", shown).replace("{total}", total)
        : "";
    });
  }

  function setUpAll() {
    document.querySelectorAll("[data-need-picker]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
  // Wagtail adds inline forms and reloads panels without a page load.
  document.addEventListener("w-formset:added", setUpAll);
})();
