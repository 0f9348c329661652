// An open live blog asks for its newest updates every data-live-poll-seconds
// (the answer comes from the page cache, purged by each update). New updates
// wait behind a "N new updates" button rather than moving the text being
// read; corrected ones are replaced where they stand, deleted ones removed.
// Without JavaScript a reload shows everything.
(function () {
  "use strict";

  var story = document.querySelector(".story[data-live-updates-url]");
  var list = document.querySelector(".live-update-list");
  var status = document.querySelector(".live-new");
  if (!story || !status || !window.fetch) return;

  var url = story.getAttribute("data-live-updates-url");
  var seconds = Number(story.getAttribute("data-live-poll-seconds")) || 30;
  var pageSize = Number(story.getAttribute("data-live-page-size")) || 20;
  // Updates fetched but not shown yet, newest first, as the page is.
  var waiting = [];

  function ensureList() {
    if (list) return list;
    list = document.createElement("ol");
    list.className = "live-update-list";
    status.parentNode.insertBefore(list, status.nextSibling);
    var empty = document.querySelector(".live-empty");
    if (empty) empty.remove();
    return list;
  }

  function showNew() {
    // As many as the answer holds: there may be more between them and the
    // page, so the page is fetched whole.
    if (waiting.length >= pageSize) {
      window.location.reload();
      return;
    }
    var target = ensureList();
    for (var index = waiting.length - 1; index >= 0; index -= 1) {
      target.insertBefore(waiting[index], target.firstChild);
    }
    var first = waiting[0];
    waiting = [];
    status.replaceChildren();
    var link = first && first.querySelector(".live-update-time");
    if (link) link.focus();
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

  function postedAt(item) {
    var time = item.querySelector(".live-update-time time");
    return time ? new Date(time.getAttribute("datetime")).getTime() : NaN;
  }

  // The answer holds the newest updates down to its oldest: a shown update in
  // that span that it lacks was deleted since. A short answer holds them all.
  function removeDeleted(freshIds, oldest, complete) {
    if (!list) return;
    Array.prototype.slice.call(list.children).forEach(function (item) {
      if (freshIds.indexOf(item.id) !== -1) return;
      if (complete || postedAt(item) >= oldest) item.remove();
    });
  }

  function update(html) {
    var holder = document.createElement("ol");
    holder.innerHTML = html;
    var fresh = Array.prototype.slice.call(holder.children);
    var freshIds = fresh.map(function (item) { return item.id; });
    var oldest = fresh.length ? postedAt(fresh[fresh.length - 1]) : -Infinity;
    removeDeleted(freshIds, oldest, fresh.length < pageSize);
    var arrived = [];
    fresh.forEach(function (item) {
      var current = document.getElementById(item.id);
      if (current) {
        if (current.getAttribute("data-changed") !== item.getAttribute("data-changed")) {
          current.replaceWith(item);
        }
      } else {
        arrived.push(item);
      }
    });
    waiting = arrived;
    announce();
  }

  function poll() {
    fetch(url, { credentials: "omit", cache: "no-cache" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(update)
      .catch(function () {})
      .then(function () {
        window.setTimeout(poll, seconds * 1000);
      });
  }

  window.setTimeout(poll, seconds * 1000);
})();
