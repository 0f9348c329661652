/*
 * The article form's workflow panel: the publish button says what it will
 * do with the publication time chosen beside it, "Publish now" or
 * "Schedule for Sat 5 Dec, 07:00", as the time is typed. The server says
 * the same on load; this only keeps it current. See docs/workflow.md.
 */
(function () {
  "use strict";

  function chosenTime(body) {
    var date = body.querySelector("input[name=workflow_at_0]");
    var time = body.querySelector("input[name=workflow_at_1]");
    if (!date || !time) return null;
    var order = (body.dataset.dateFormat || "%d/%m/%Y").match(/%[dmY]/g) || [];
    var parts = date.value.match(/\d+/g) || [];
    var clock = (time.value.match(/\d+/g) || []).map(Number);
    if (parts.length !== 3 || order.length !== 3 || clock.length < 2) return null;
    var values = {};
    order.forEach(function (code, index) { values[code] = Number(parts[index]); });
    var when = new Date(values["%Y"], values["%m"] - 1, values["%d"], clock[0], clock[1], clock[2] || 0);
    return isNaN(when.getTime()) ? null : when;
  }

  function label(body) {
    var when = chosenTime(body);
    if (!when || when <= new Date()) return body.dataset.nowLabel;
    var day = when.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });
    var clock = when.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
    return body.dataset.scheduleLabel.replace("%(when)s", day.replace(",", "") + ", " + clock);
  }

  function update(panel, body) {
    var text = label(body);
    panel.querySelectorAll(".workflow-publish-label").forEach(function (span) {
      span.textContent = text;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.getElementById("workflow-publish");
    if (!panel) return;
    var body = panel.querySelector(".workflow-confirm-body");
    // The admin's calendar and clock shortcuts set the value without an input event.
    ["input", "change", "click", "focusout"].forEach(function (kind) {
      body.addEventListener(kind, function () { update(panel, body); });
    });
    update(panel, body);
  });
})();
