// An open live blog asks for its newest updates every data-live-poll-seconds
// (the answer comes from the page cache, purged by each update). New updates
// wait behind a "N new updates" button rather than moving the text being
// read; corrected ones are replaced where they stand. Without JavaScript a
// reload shows everything.
(function () {
  "use strict";

  var story = document.querySelector(".story[data-live-updates-url]");
  var list = document.querySelector(".live-update-list");
  var status = document.querySelector(".live-new");
  if (!story || !status || !window.fetch) return;

  var url = story.getAttribute("data-live-updates-url");
  var seconds = Number(story.getAttribute("data-live-poll-seconds")) || 30;
  var waiting = [];

  function shown(id) {
    return document.getElementById("update-" + id);
  }

  function ensureList() {
    if (list) return list;
    list = document.createElement("ol");
    list.className = "live-update-list";
    var empty = document.querySelector(".live-empty");
    status.parentNode.insertBefore(list, status.nextSibling);
    if (empty) empty.remove();
    return list;
  }

  function showNew() {
    var target = ensureList();
    // waiting is newest first, as the page is.
    for (var index = waiting.length - 1; index >= 0; index -= 1) {
      target.insertBefore(waiting[index], target.firstChild);
    }
    var first = waiting[0];
    waiting = [];
    status.replaceChildren();
    if (first) {
      var link = first.querySelector(".live-update-time");
      if (link) link.focus();
    }
  }

  function announce() {
    status.replaceChildren();
    if (!waiting.length) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "live-new-button";
    button.textContent = waiting.length + (waiting.length === 1 ? " new update" : " new updates");
    button.addEventListener("click", showNew);
    status.appendChild(button);
  }

  function poll() {
    fetch(url, { credentials: "omit", cache: "no-cache" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var fresh = document.createElement("ol");
        fresh.innerHTML = html;
        var waitingIds = waiting.map(function (item) { return item.id; });
        var arrived = [];
        Array.prototype.forEach.call(fresh.children, function (item) {
          var id = item.getAttribute("data-update-id");
          var current = shown(id);
          if (current) {
            if (current.getAttribute("data-changed") !== item.getAttribute("data-changed")) {
              current.replaceWith(item);
            }
          } else if (waitingIds.indexOf(item.id) === -1) {
            arrived.push(item);
          } else {
            waiting[waitingIds.indexOf(item.id)] = item;
          }
        });
        if (arrived.length) {
          waiting = arrived.concat(waiting);
          announce();
        }
      })
      .catch(function () {})
      .then(function () {
        window.setTimeout(poll, seconds * 1000);
      });
  }

  window.setTimeout(poll, seconds * 1000);
})();
