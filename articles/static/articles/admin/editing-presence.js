/*
 * Tell the server when this person leaves the article form (closes the tab,
 * goes elsewhere), so colleagues stop seeing "… is editing this article".
 * The page's token names this opening: a leave signalled late, after the
 * form was opened again (e.g. "Save and continue editing"), clears nothing.
 * See docs/workflow.md, "Editing indicator".
 */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var presence = document.getElementById("editing-presence");
    var form = document.getElementById("article_form");
    if (!presence || !form || !navigator.sendBeacon) return;
    var csrf = form.querySelector("input[name=csrfmiddlewaretoken]");
    window.addEventListener("pagehide", function () {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", csrf ? csrf.value : "");
      data.append("token", presence.dataset.token);
      navigator.sendBeacon(presence.dataset.url, data);
    });
  });
})();
