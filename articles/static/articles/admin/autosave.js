/*
 * Autosave for the article change form: keeps what is typed in localStorage
 * (per article and per person), last when the form is submitted, and offers
 * it back after a crash, a closed tab or a failed save. The server sets the
 * newsroom_autosave_saved cookie on a successful save; any article admin page
 * then drops that copy.
 * See docs/workflow.md.
 */
(function () {
  "use strict";
  var PREFIX = "newsroom-autosave:";
  var SAVED_COOKIE = "newsroom_autosave_saved";
  var SKIPPED = /^(csrfmiddlewaretoken|based_on_version|publication_warnings_seen|_workflow)$|-(INITIAL|MIN_NUM|MAX_NUM)_FORMS$/;
  var editors = {};

  function forgetSavedCopy() {
    var match = document.cookie.match(new RegExp("(?:^|; )" + SAVED_COOKIE + "=([^;]*)"));
    if (!match) return;
    localStorage.removeItem(PREFIX + decodeURIComponent(match[1]));
    document.cookie = SAVED_COOKIE + "=; Max-Age=0; path=/";
  }

  function fieldsOf(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || SKIPPED.test(field.name) || field.type === "file" || field.type === "submit" || field.type === "button") return;
      if (field.name.indexOf("__prefix__") !== -1) return;
      values[field.name] = field.type === "checkbox" ? field.checked : field.value;
    });
    return values;
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function addInlineRows(form, values) {
    Object.keys(values).forEach(function (name) {
      var match = name.match(/^(.*)-TOTAL_FORMS$/);
      if (!match) return;
      var total = form.elements[name];
      var addLink = document.querySelector("#" + match[1] + "-group .add-row a");
      while (addLink && total && Number(total.value) < Number(values[name])) {
        var before = total.value;
        addLink.click();
        if (total.value === before) break;
      }
    });
  }

  function fill(form, values) {
    addInlineRows(form, values);
    Object.keys(values).forEach(function (name) {
      var field = form.elements[name];
      if (!field || /-TOTAL_FORMS$/.test(name)) return;
      if (field.type === "checkbox") {
        field.checked = values[name];
      } else {
        field.value = values[name];
      }
      if (editors[name]) editors[name].commands.setContent(values[name]);
    });
  }

  function start(box) {
    var form = box.closest("form");
    var storageKey = PREFIX + box.dataset.key;
    var initial = fieldsOf(form);
    var stored = JSON.parse(localStorage.getItem(storageKey) || "null");
    var timer = null;

    if (stored && !same(stored.fields, initial)) {
      var savedAt = new Date(stored.savedAt);
      var time = ("0" + savedAt.getHours()).slice(-2) + ":" + ("0" + savedAt.getMinutes()).slice(-2);
      box.querySelector(".autosave-question").textContent = "Restore unsaved text from " + time + "?";
      box.hidden = false;
      box.querySelector(".autosave-restore").addEventListener("click", function () {
        fill(form, stored.fields);
        box.hidden = true;
      });
      box.querySelector(".autosave-discard").addEventListener("click", function () {
        localStorage.removeItem(storageKey);
        box.hidden = true;
      });
    }

    // A form redisplayed after a failed save holds text the server does not have.
    var showsSavedText = box.dataset.bound !== "true";
    function keep() {
      var current = fieldsOf(form);
      if (showsSavedText && same(current, initial)) {
        localStorage.removeItem(storageKey);
      } else {
        localStorage.setItem(storageKey, JSON.stringify({ savedAt: Date.now(), fields: current }));
      }
    }
    if (!showsSavedText) keep();
    // The prose editor copies its content into its textarea and fires "input" there.
    ["input", "change"].forEach(function (type) {
      form.addEventListener(type, function () {
        clearTimeout(timer);
        timer = setTimeout(keep, 800);
      });
    });
    // The save may never answer with this form again (the database or the
    // network went away), so the last keystrokes are kept before it is sent.
    form.addEventListener("submit", function () {
      clearTimeout(timer);
      keep();
    });
  }

  document.addEventListener("prose-editor:ready", function (event) {
    editors[event.detail.textarea.name] = event.detail.editor;
  });
  document.addEventListener("DOMContentLoaded", function () {
    forgetSavedCopy();
    var box = document.getElementById("autosave");
    if (box) start(box);
  });
})();
