// Reader-side behaviour that must not depend on the cached HTML: the read
// beacon, a fresh most-read list, fresh relative ages and loading embeds on
// request. Everything else works without JavaScript, the server-rendered
// most-read list included; an embed is then a link to the service.
(function () {
  "use strict";

  var timeZone = document.documentElement.getAttribute("data-time-zone") || undefined;
  var dateFormat = new Intl.DateTimeFormat("en-GB", {
    day: "numeric", month: "long", year: "numeric", timeZone: timeZone
  });

  function plural(count, unit) {
    return count + " " + unit + (count === 1 ? "" : "s") + " ago";
  }

  // The same rules as relative_age() in articles/templatetags/reading.py.
  function relativeAge(moment, now) {
    var seconds = Math.max(0, (now - moment) / 1000);
    var minutes = Math.floor(seconds / 60);
    var hours = Math.floor(minutes / 60);
    var days = Math.floor(hours / 24);
    var weeks = Math.floor(days / 7);
    if (minutes < 1) return "just now";
    if (hours < 1) return plural(minutes, "minute");
    if (days < 1) return plural(hours, "hour");
    if (days <= 7) return plural(days, "day");
    if (weeks <= 4) return plural(weeks, "week");
    return dateFormat.format(moment);
  }

  function refreshAges() {
    var now = Date.now();
    document.querySelectorAll("time[data-relative-age]").forEach(function (element) {
      var moment = new Date(element.getAttribute("datetime"));
      if (!isNaN(moment)) element.textContent = relativeAge(moment, now);
    });
  }

  function reportRead() {
    var story = document.querySelector("[data-read-url]");
    if (!story) return;
    var url = story.getAttribute("data-read-url");
    if (navigator.sendBeacon && navigator.sendBeacon(url)) return;
    fetch(url, { method: "POST", keepalive: true, credentials: "omit" }).catch(function () {});
  }

  // A page may be served from cache for minutes; the list is fetched fresh
  // (cached for a minute at most) and the article being read left out.
  function refreshMostRead() {
    var list = document.querySelector(".most-read-list[data-refresh-url]");
    if (!list || !window.fetch) return;
    var size = Number(list.getAttribute("data-size"));
    var story = document.querySelector(".story[data-article-id]");
    var current = story && story.getAttribute("data-article-id");
    fetch(list.getAttribute("data-refresh-url"), { credentials: "omit" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var fresh = document.createElement("ol");
        fresh.innerHTML = html;
        var entries = Array.prototype.filter.call(fresh.children, function (entry) {
          return entry.getAttribute("data-article-id") !== current;
        });
        if (!entries.length) return;
        list.replaceChildren.apply(list, entries.slice(0, size));
        refreshAges();
      })
      .catch(function () {});
  }

  // Embeds contact their service only when the reader asks. The frame's
  // address is on the allow-list the page's frame-src also holds, so the
  // browser refuses any other; it is given our origin as referrer only,
  // which some players need to play at all.
  function loadEmbed(placeholder) {
    var frame = document.createElement("iframe");
    frame.className = "embed-frame";
    frame.src = placeholder.getAttribute("data-embed-frame");
    frame.title = placeholder.getAttribute("data-embed-title");
    frame.allow = "fullscreen; picture-in-picture; encrypted-media";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    var width = Number(placeholder.getAttribute("data-embed-width"));
    var height = Number(placeholder.getAttribute("data-embed-height"));
    if (width && height) frame.style.aspectRatio = width + " / " + height;
    placeholder.replaceWith(frame);
    frame.focus();
  }

  function offerEmbeds() {
    document.querySelectorAll(".embed-placeholder").forEach(function (placeholder) {
      var button = placeholder.querySelector(".embed-load");
      button.hidden = false;
      button.addEventListener("click", function () { loadEmbed(placeholder); });
    });
  }

  // A gallery's thumbnails link to the full pictures; with JavaScript they
  // open a full-screen viewer instead: arrow keys move between photos,
  // Escape closes it (the dialog's own behaviour) and focus goes back to the
  // thumbnail. Screen readers hear "Photo 2 of 6" as the photo changes.
  function setUpGallery(gallery) {
    var thumbs = Array.prototype.slice.call(gallery.querySelectorAll(".gallery-thumb"));
    var viewer = gallery.querySelector(".gallery-viewer");
    var photo = viewer.querySelector(".gallery-photo");
    var current = 0;
    var opener = null;

    function show(index) {
      current = (index + thumbs.length) % thumbs.length;
      var thumb = thumbs[current];
      photo.removeAttribute("src");
      photo.srcset = thumb.getAttribute("data-webp-srcset") || thumb.getAttribute("data-srcset");
      photo.src = thumb.getAttribute("data-src");
      photo.width = Number(thumb.getAttribute("data-width"));
      photo.height = Number(thumb.getAttribute("data-height"));
      photo.alt = thumb.getAttribute("data-alt");
      viewer.querySelector(".gallery-caption").textContent = thumb.getAttribute("data-caption");
      viewer.querySelector(".gallery-credit").textContent = thumb.getAttribute("data-credit");
      viewer.querySelector(".gallery-count").textContent =
        "Photo " + (current + 1) + " of " + thumbs.length;
    }

    thumbs.forEach(function (thumb, index) {
      thumb.addEventListener("click", function (event) {
        event.preventDefault();
        opener = thumb;
        show(index);
        viewer.showModal();
      });
    });
    viewer.querySelector(".gallery-previous").addEventListener("click", function () { show(current - 1); });
    viewer.querySelector(".gallery-next").addEventListener("click", function () { show(current + 1); });
    viewer.querySelector(".gallery-close").addEventListener("click", function () { viewer.close(); });
    viewer.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") show(current - 1);
      else if (event.key === "ArrowRight") show(current + 1);
      else return;
      event.preventDefault();
    });
    viewer.addEventListener("close", function () {
      if (opener) opener.focus();
    });
  }

  refreshAges();
  refreshMostRead();
  offerEmbeds();
  if (window.HTMLDialogElement) {
    document.querySelectorAll("[data-gallery]").forEach(setUpGallery);
  }
  if (document.readyState === "complete") {
    reportRead();
  } else {
    window.addEventListener("load", reportRead);
  }
})();
