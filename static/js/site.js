// Small enhancements; every page works without this file.
(function () {
  "use strict";

  // "Copy link": copy the article's address instead of following the link, and say so.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-copy-link]");
    if (!link || !navigator.clipboard) {
      return;
    }
    event.preventDefault();
    navigator.clipboard.writeText(link.getAttribute("data-copy-link")).then(function () {
      var original = link.textContent;
      var message = link.getAttribute("data-copied");
      // Said aloud by screen readers through the share block's status region.
      var status = link.closest(".share").querySelector("[data-copy-status]");
      link.textContent = message;
      if (status) { status.textContent = message; }
      window.setTimeout(function () {
        link.textContent = original;
        if (status) { status.textContent = ""; }
      }, 2000);
    });
  });

  // "Republish this article": select the whole HTML when the box gets focus, ready to copy.
  var html = document.getElementById("republish-html");
  if (html) {
    html.addEventListener("focus", function () { html.select(); });
  }

  // A reader form sent back with errors: the summary at its top takes the focus, so it is read first.
  var errors = document.querySelector("[data-error-summary]");
  if (errors) {
    errors.focus();
  }
})();
