/*
 * On the signed-out page: drop every article text autosave.js kept in this
 * browser, so that what was typed does not outlive the session on a shared
 * computer. See docs/security.md.
 */
(function () {
  "use strict";
  var PREFIX = "newsroom-autosave:";
  for (var index = localStorage.length - 1; index >= 0; index--) {
    var key = localStorage.key(index);
    if (key && key.indexOf(PREFIX) === 0) localStorage.removeItem(key);
  }
})();
