// The editorial calendar in the admin: drag an item onto another day to move it there. The drop fills in
// the item's own "Change date" form and sends it, so dragging and the keyboard take the same path (a POST
// that the server checks as the change form would).
(function () {
  "use strict";

  var grid = document.getElementById("calendar");
  if (!grid) {
    return;
  }
  var dragged = null;

  function dayOf(element) {
    return element && element.closest ? element.closest("td[data-day]") : null;
  }

  grid.addEventListener("dragstart", function (event) {
    var entry = event.target.closest && event.target.closest(".calendar-entry[draggable=true]");
    if (!entry) {
      return;
    }
    dragged = entry;
    entry.classList.add("calendar-entry--dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", entry.dataset.article);
  });

  grid.addEventListener("dragend", function () {
    if (dragged) {
      dragged.classList.remove("calendar-entry--dragging");
    }
    dragged = null;
    grid.querySelectorAll(".calendar-day--drop-target").forEach(function (cell) {
      cell.classList.remove("calendar-day--drop-target");
    });
  });

  grid.addEventListener("dragover", function (event) {
    var cell = dayOf(event.target);
    if (!dragged || !cell) {
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    cell.classList.add("calendar-day--drop-target");
  });

  grid.addEventListener("dragleave", function (event) {
    var cell = dayOf(event.target);
    if (cell && !cell.contains(event.relatedTarget)) {
      cell.classList.remove("calendar-day--drop-target");
    }
  });

  grid.addEventListener("drop", function (event) {
    var cell = dayOf(event.target);
    if (!dragged || !cell) {
      return;
    }
    event.preventDefault();
    var form = dragged.querySelector("form.calendar-move-form");
    var input = form && form.querySelector("input[name=date]");
    if (!input || input.value === cell.dataset.day) {
      return;
    }
    input.value = cell.dataset.day;
    dragged.classList.add("calendar-entry--moving");
    form.requestSubmit ? form.requestSubmit() : form.submit();
  });
})();
