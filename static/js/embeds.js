// Click-to-load embeds (templates/includes/body_embed.html): nothing of a provider loads until the
// reader presses the placeholder's button; the frame's address was built by the server from the
// allow-list (articles/embeds.py), and the page's Content-Security-Policy frames only those hosts.
(function () {
  "use strict";

  var ALLOW = {
    video: "fullscreen; picture-in-picture; encrypted-media",
    audio: "autoplay",
  };

  function load(figure) {
    var frame = document.createElement("iframe");
    var shape = (figure.className.match(/embed--(\w+)/) || [])[1] || "";
    frame.src = figure.getAttribute("data-embed-src");
    frame.title = figure.getAttribute("data-embed-title");
    frame.setAttribute("allow", ALLOW[shape] || "");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-presentation");
    frame.className = "embed__frame";
    var placeholder = figure.querySelector(".embed__placeholder");
    figure.replaceChild(frame, placeholder);
    figure.classList.add("embed--loaded");
    frame.focus();
  }

  var figures = document.querySelectorAll("figure.embed[data-embed-src]");
  Array.prototype.forEach.call(figures, function (figure) {
    var button = figure.querySelector(".embed__load");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      load(figure);
    });
  });

  // Datawrapper charts say how tall they want to be; nothing else is read from the frames.
  window.addEventListener("message", function (event) {
    if (event.origin !== "https://datawrapper.dwcdn.net" || !event.data || typeof event.data !== "object") return;
    var heights = event.data["datawrapper-height"];
    if (!heights) return;
    var frames = document.querySelectorAll("iframe.embed__frame");
    Array.prototype.forEach.call(frames, function (frame) {
      if (frame.contentWindow !== event.source) return;
      for (var chart in heights) {
        var height = parseInt(heights[chart], 10);
        if (height > 0 && height < 5000) frame.style.height = height + "px";
      }
    });
  });
})();
