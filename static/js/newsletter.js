// The short newsletter forms (home, articles, footer) sit in pages cached for every reader, so they
// cannot carry a time token of their own: this fetches a fresh one when the reader starts on the form.
// Without it (no JavaScript, or the fetch failed) the newsletter page asks the reader to press
// "Subscribe" once more, with a token of its own. No cookie is sent or set.
(function () {
  "use strict";

  if (!window.fetch) {
    return;
  }
  var forms = document.querySelectorAll("[data-newsletter-form]");
  Array.prototype.forEach.call(forms, function (form) {
    var input = form.querySelector("input[name=form_token]");
    var pending = null;

    function fetchToken() {
      if (!pending) {
        pending = fetch(form.getAttribute("data-token-url"), {
          credentials: "omit",
          headers: { Accept: "application/json" }
        })
          .then(function (response) {
            return response.ok ? response.json() : {};
          })
          .then(function (data) {
            if (data.token) {
              input.value = data.token;
            }
          })
          .catch(function () {
            pending = null;
          });
      }
      return pending;
    }

    form.addEventListener("focusin", fetchToken);
    form.addEventListener("submit", function (event) {
      if (input.value) {
        return;
      }
      // Sent before the token arrived: wait for it, then send (or send without it and let the page ask).
      event.preventDefault();
      var sent = false;
      function send() {
        if (!sent) {
          sent = true;
          form.submit();
        }
      }
      (fetchToken() || Promise.resolve()).then(send, send);
    });
  });
})();
