// Searchable pickers for the deployments screen's filters, over the plain form (which works
// without this script): each long list of choices gets a search box above it that hides the
// choices not containing what is typed, and says how many are left. Choosing works as before.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form) {
    return;
  }
  var template = form.getAttribute("data-matches") || "{0}";
  form.querySelectorAll("select[multiple]").forEach(function (select) {
    if (select.options.length < 8) {
      return;
    }
    var label = form.querySelector("label[for='" + select.id + "']");
    var box = document.createElement("input");
    box.type = "search";
    box.id = select.id + "-search";
    box.className = "picker-search";
    box.setAttribute("autocomplete", "off");
    box.setAttribute("aria-controls", select.id);
    box.setAttribute(
      "aria-label",
      (form.getAttribute("data-search") || "Search") + ": " + (label ? label.textContent : select.name)
    );
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(status, select);
    box.addEventListener("input", function () {
      var q = box.value.trim().toLocaleLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(select.options, function (o) {
        var match = q === "" || o.selected || o.text.toLocaleLowerCase().indexOf(q) >= 0;
        o.hidden = !match;
        if (match) {
          shown++;
        }
      });
      status.textContent = template.replace("{0}", String(shown));
    });
    box.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { // on to the list
        e.preventDefault();
        select.focus();
      }
    });
  });
})();
