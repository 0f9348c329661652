/*
 * The prose editor edits in a contenteditable element that has no label of its
 * own, so screen readers announce an unnamed text box. Give it the text of the
 * label that belongs to the textarea it replaces.
 */
(function () {
  "use strict";
  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    var label = textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      event.detail.editor.view.dom.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    }
  });
})();
