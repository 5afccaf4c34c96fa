// Live stories: ask for the updates block now and then, and swap in what changed without reloading the
// page. Only while the tab is visible and the reader has not paused it; new updates are announced through
// the block's status region. Without this file the page shows the updates as they were when it loaded.
(function () {
  "use strict";

  var live = document.querySelector("[data-live]");
  if (!live || !window.fetch || !window.DOMParser) {
    return;
  }
  var url = live.getAttribute("data-live-url");
  var seconds = Math.max(parseInt(live.getAttribute("data-poll-seconds"), 10) || 30, 1);
  var status = live.querySelector("[data-live-status]");
  var pause = live.querySelector("[data-live-pause]");
  var timer = null;
  var paused = false;
  var ended = false;
  var busy = false;
  var failures = 0;

  function block() {
    return live.querySelector("[data-live-updates]");
  }

  function updateIds(root) {
    return Array.prototype.map.call(root.querySelectorAll(".live-update[id]"), function (update) {
      return update.id;
    });
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function stop() {
    ended = true;
    window.clearTimeout(timer);
    timer = null;
    if (pause) {
      pause.hidden = true;
    }
  }

  function swap(fresh) {
    var old = block();
    if (!old || fresh.getAttribute("data-live-token") === old.getAttribute("data-live-token")) {
      return;
    }
    var known = {};
    updateIds(old).forEach(function (id) { known[id] = true; });
    var added = updateIds(fresh).filter(function (id) { return !known[id]; }).length;
    // Keep the reader's place: focus on a link inside an update goes back to the same update.
    var focused = document.activeElement && old.contains(document.activeElement)
      ? document.activeElement.closest(".live-update") : null;
    var replacement = document.importNode(fresh, true);
    old.parentNode.replaceChild(replacement, old);
    if (focused) {
      var same = document.getElementById(focused.id);
      var link = same && same.querySelector("a");
      if (link) {
        link.focus({ preventScroll: true });
      }
    }
    if (fresh.getAttribute("data-live-state") === "ended") {
      say(status.getAttribute("data-ended"));
      stop();
    } else if (added === 1) {
      say(status.getAttribute("data-new-one"));
    } else if (added > 1) {
      say(status.getAttribute("data-new-many").replace("{count}", String(added)));
    }
  }

  function schedule() {
    if (timer || paused || ended || document.hidden) {
      return;
    }
    // Slower after failures, and spread out, so that a site in trouble is not asked by every reader at once.
    var delay = seconds * 1000 * Math.min(Math.pow(2, failures), 8) * (0.9 + Math.random() * 0.2);
    timer = window.setTimeout(poll, delay);
  }

  function poll() {
    timer = null;
    if (busy || paused || ended || document.hidden) {
      return;
    }
    busy = true;
    // The browser revalidates its copy (ETag): when nothing changed the answer is an empty 304.
    fetch(url, { credentials: "omit", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      })
      .then(function (html) {
        failures = 0;
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live-updates]");
        if (fresh) {
          swap(fresh);
        }
      })
      .catch(function () {
        failures += 1;
      })
      .then(function () {
        busy = false;
        schedule();
      });
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      window.clearTimeout(timer);
      timer = null;
    } else {
      // Back on the tab: catch up at once.
      poll();
    }
  });

  if (pause) {
    pause.hidden = false;
    pause.addEventListener("click", function () {
      paused = !paused;
      pause.setAttribute("aria-pressed", paused ? "true" : "false");
      if (paused) {
        window.clearTimeout(timer);
        timer = null;
      } else {
        poll();
      }
    });
  }

  schedule();
})();
