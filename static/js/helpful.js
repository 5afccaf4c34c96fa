// "Was this content helpful?" in place: the vote is sent in the background and the answer shown where
// the buttons were. Without this file the same forms post and come back to the article.
(function () {
  "use strict";

  var widget = document.querySelector("[data-helpful]");
  if (!widget || !window.fetch || !window.FormData) {
    return;
  }
  var voteForm = widget.querySelector("[data-helpful-vote]");
  var feedbackForm = widget.querySelector("[data-helpful-feedback]");
  var status = widget.querySelector("[data-helpful-status]");
  if (!voteForm || !feedbackForm || !status) {
    return;
  }
  var pressed = null;

  function send(form, extra) {
    var data = new FormData(form);
    if (extra) {
      data.append(extra.name, extra.value);
    }
    // No cookies are sent or needed: the server checks that the vote comes from this page.
    return fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "omit",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    });
  }

  function say(text) {
    status.textContent = text;
  }

  voteForm.addEventListener("click", function (event) {
    var button = event.target.closest("button[name=vote]");
    if (button) {
      pressed = button;
    }
  });

  voteForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = event.submitter || pressed;
    if (!button) {
      return;
    }
    send(voteForm, { name: button.name, value: button.value }).then(function (answer) {
      voteForm.hidden = true;
      if (answer.state === "no") {
        feedbackForm.hidden = false;
        feedbackForm.querySelector("textarea").focus();
      } else {
        say(widget.getAttribute("data-thanks"));
      }
    }).catch(function () {
      say(widget.getAttribute("data-error"));
    });
  });

  feedbackForm.addEventListener("submit", function (event) {
    event.preventDefault();
    send(feedbackForm).then(function () {
      feedbackForm.hidden = true;
      say(widget.getAttribute("data-thanks"));
    }).catch(function () {
      say(widget.getAttribute("data-error"));
    });
  });
})();
