// The phone menu: a disclosure button (templates/base.html) that opens and closes the site menu below it.
// Loaded in <head> without `defer`: the class it sets on <html> closes the menu on phones before the first
// paint, so the page does not jump when the script runs. Without JavaScript the menu is simply shown open.
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.add("js");

  function parts() {
    var button = document.querySelector(".menu-toggle");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    return menu ? { button: button, menu: menu } : null;
  }

  function setOpen(found, open) {
    found.button.setAttribute("aria-expanded", open ? "true" : "false");
    found.menu.classList.toggle("site-menu--open", open);
  }

  document.addEventListener("click", function (event) {
    var found = parts();
    if (!found) {
      return;
    }
    if (found.button.contains(event.target)) {
      setOpen(found, found.button.getAttribute("aria-expanded") !== "true");
    } else if (found.button.getAttribute("aria-expanded") === "true" && !found.menu.contains(event.target)) {
      // A tap anywhere outside the open menu closes it, as on any app's menu.
      setOpen(found, false);
    }
  });

  // Escape closes the open menu from the button or from any of its links, and gives the focus back to the
  // button, so a keyboard or screen reader user is where they opened it.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var found = parts();
    if (!found || found.button.getAttribute("aria-expanded") !== "true") {
      return;
    }
    if (found.menu.contains(document.activeElement) || found.button === document.activeElement) {
      setOpen(found, false);
      found.button.focus();
    }
  });
})();
