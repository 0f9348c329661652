/*
 * Keyboard reordering for the subheadings: "Move up" and "Move down" buttons
 * on each saved subheading, beside django-admin-sortable2's dragging. Both
 * renumber the hidden position inputs in page order, so the order is kept on
 * save; a status line says where the subheading went.
 */
(function () {
  "use strict";
  var ROW = ".inline-related.has_original";

  function rowsOf(group) {
    return Array.prototype.slice.call(group.querySelectorAll(ROW));
  }

  function renumber(group) {
    rowsOf(group).forEach(function (row, index) {
      var position = row.querySelector("input._reorder_");
      if (position) position.value = String(index + 1);
    });
  }

  function headingOf(row) {
    var input = row.querySelector('input[name$="-heading"]');
    return (input && input.value.trim()) || "This subheading";
  }

  function move(group, row, step, button, status) {
    var rows = rowsOf(group);
    var index = rows.indexOf(row);
    var target = rows[index + step];
    if (!target) {
      status.textContent = "“" + headingOf(row) + "” is already " + (step < 0 ? "first." : "last.");
      return;
    }
    target.insertAdjacentElement(step < 0 ? "beforebegin" : "afterend", row);
    renumber(group);
    button.focus();
    status.textContent = "“" + headingOf(row) + "” moved to position " + (index + step + 1) + " of " + rows.length + ".";
  }

  function addButtons(group, row, status) {
    var heading = row.querySelector("h3");
    if (!heading) return;
    var tools = document.createElement("span");
    tools.className = "subheading-order";
    [["Move up", -1], ["Move down", 1]].forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button subheading-move";
      button.textContent = choice[0];
      button.addEventListener("click", function () {
        move(group, row, choice[1], button, status);
      });
      tools.appendChild(button);
    });
    heading.appendChild(tools);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("fieldset.sortable").forEach(function (group) {
      var rows = rowsOf(group);
      if (rows.length < 2) return;
      var status = document.createElement("p");
      status.className = "subheading-order-status";
      status.setAttribute("role", "status");
      group.appendChild(status);
      rows.forEach(function (row) {
        addButtons(group, row, status);
      });
    });
  });
})();
