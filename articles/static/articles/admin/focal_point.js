// The image form's focal point: a click on the preview sets the two percentages, and the marker shows
// where they point. Without JavaScript the two number fields do the same.
(function () {
  "use strict";

  function init() {
    var box = document.querySelector(".focal-point");
    var across = document.getElementById("id_focal_x");
    var down = document.getElementById("id_focal_y");
    if (!box || !across || !down) return;
    var picture = box.querySelector("img");
    var marker = box.querySelector(".focal-point__marker");

    function place() {
      marker.style.left = (parseInt(across.value, 10) || 0) + "%";
      marker.style.top = (parseInt(down.value, 10) || 0) + "%";
    }

    picture.addEventListener("click", function (event) {
      var rect = picture.getBoundingClientRect();
      across.value = Math.round(((event.clientX - rect.left) / rect.width) * 100);
      down.value = Math.round(((event.clientY - rect.top) / rect.height) * 100);
      place();
    });
    across.addEventListener("input", place);
    down.addEventListener("input", place);
    box.classList.add("focal-point--active");
    place();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
