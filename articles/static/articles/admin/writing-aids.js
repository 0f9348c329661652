/*
 * Live counts under the fields that have a length to aim for: characters for
 * the headline and the search fields, words for the standfirst and the lead
 * text. Which field counts what, and the lengths, come from the inputs'
 * data-count attributes (ArticleAdminForm, WRITING_COUNTS); the hard limit is
 * the input's maxlength. Without script the help texts still give the limits.
 * The count is tied to its field with aria-describedby, so a screen reader
 * reads it on focus rather than at every keystroke.
 */
(function () {
  "use strict";

  function wordCount(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function describe(field, count) {
    var unit = field.dataset.count === "words" ? ["word", "words"] : ["character", "characters"];
    var min = parseInt(field.dataset.countAdvisedMin, 10);
    var max = parseInt(field.dataset.countAdvisedMax, 10);
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    var counted = plural(count, unit[0], unit[1]);
    if (!isNaN(min) && !isNaN(max)) {
      if (count === 0) return { text: "Aim for " + min + "–" + max + " " + unit[1] + ".", over: false };
      if (count < min) return { text: counted + ": " + (min - count) + " short of the " + min + "–" + max + " advised.", over: true };
      if (count > max) return { text: counted + ": " + (count - max) + " over the " + min + "–" + max + " advised.", over: true };
      return { text: counted + ", within the " + min + "–" + max + " advised.", over: false };
    }
    if (!isNaN(max)) {
      if (count > max) return { text: counted + ": " + (count - max) + " over the " + max + " advised.", over: true };
      return { text: counted + "; aim for " + max + " or fewer.", over: false };
    }
    if (!isNaN(limit)) {
      return { text: count + " of " + limit + " " + unit[1] + (count >= limit ? ": the limit" : ""), over: count >= limit };
    }
    return { text: counted, over: false };
  }

  function attachCounter(field, anchor) {
    var output = document.createElement("div");
    output.className = "help writing-count";
    output.id = field.id + "_count";
    anchor.insertAdjacentElement("afterend", output);
    return output;
  }

  function describeBy(element, id) {
    var ids = (element.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    if (ids.indexOf(id) === -1) ids.push(id);
    element.setAttribute("aria-describedby", ids.join(" "));
  }

  function show(output, field, count) {
    var said = describe(field, count);
    output.textContent = said.text;
    output.classList.toggle("writing-count-over", said.over);
  }

  function countPlainField(field) {
    var output = attachCounter(field, field.closest(".flex-container") || field);
    describeBy(field, output.id);
    var measure = function () {
      show(output, field, field.dataset.count === "words" ? wordCount(field.value) : field.value.length);
    };
    field.addEventListener("input", measure);
    measure();
  }

  // The prose editor replaces its textarea; it announces itself once ready.
  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    var editor = event.detail.editor;
    if (!textarea.dataset.count) return;
    var container = textarea.closest(".flex-container") || textarea.closest(".prose-editor") || editor.view.dom;
    var output = attachCounter(textarea, container);
    describeBy(editor.view.dom, output.id);
    var measure = function () {
      show(output, textarea, wordCount(editor.getText({ blockSeparator: " " })));
    };
    editor.on("update", measure);
    measure();
  });

  document.addEventListener("DOMContentLoaded", function () {
    // The article list cuts long headlines at two lines (writing.css).
    document.querySelectorAll("#result_list th.field-headline a").forEach(function (link) {
      link.title = link.textContent.trim();
    });
    document.querySelectorAll("input[data-count], textarea[data-count]").forEach(function (field) {
      var isProse = Array.prototype.some.call(field.attributes, function (attribute) {
        return attribute.name.indexOf("data-django-prose-editor") === 0;
      });
      if (!isProse) countPlainField(field);
    });
  });
})();
