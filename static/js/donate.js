// The donate page, enhanced: frequency and currency switch in place (no reload, nothing typed is lost),
// the submit button names the amount and the frequency, and the error summary takes the focus.
// Without this file the switch reloads the page and the button names the frequency.
(function () {
  "use strict";

  var form = document.querySelector("[data-donate-form]");
  var dataElement = document.getElementById("donate-data");
  if (!form || !dataElement) {
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var switcher = document.querySelector("[data-donate-switch]");
  var options = form.querySelector("[data-amount-options]");
  var other = form.querySelector("input[name=other_amount]");
  var otherLabel = form.querySelector("label[for=" + other.id + "]");
  var otherHelp = document.getElementById(other.id + "_helptext");
  var submit = form.querySelector("[data-submit]");
  var summary = form.querySelector("[data-frequency-summary]");
  var legend = form.querySelector("[data-amount-legend]");
  var legendCurrency = form.querySelector("[data-amount-currency]");

  function hidden(name) {
    return form.querySelector("input[type=hidden][name=" + name + "]");
  }

  function chosenAmountLabel() {
    var checked = form.querySelector("input[name=amount]:checked");
    if (!checked) {
      return "";
    }
    if (checked.value === "other") {
      var typed = other.value.trim();
      return typed ? typed + " " + hidden("currency").value : "";
    }
    return checked.value + " " + hidden("currency").value;
  }

  function updateButton() {
    var texts = data.texts[hidden("frequency").value];
    var amount = chosenAmountLabel();
    submit.textContent = amount ? texts.button_amount.replace("%(amount)s", amount) : texts.button;
  }

  function rebuildAmounts(currency, frequency) {
    var set = data.amounts[currency][frequency];
    var checked = form.querySelector("input[name=amount]:checked");
    var keep = checked ? checked.value : null;
    var radios = options.querySelectorAll("label.amount-option");
    var otherOption = radios[radios.length - 1];
    for (var i = 0; i < radios.length - 1; i++) {
      radios[i].remove();
    }
    set.choices.forEach(function (choice, index) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      var text = document.createElement("span");
      input.type = "radio";
      input.name = "amount";
      input.value = choice[0];
      input.id = "id_amount_" + index;
      label.className = "amount-option";
      label.htmlFor = input.id;
      text.textContent = choice[1];
      label.appendChild(input);
      label.appendChild(document.createTextNode(" "));
      label.appendChild(text);
      options.insertBefore(label, otherOption);
    });
    var otherInput = otherOption.querySelector("input");
    otherInput.id = "id_amount_" + set.choices.length;
    otherOption.htmlFor = otherInput.id;
    // Keep the donor's choice when it is still offered ("other" always is).
    if (keep) {
      var again = options.querySelector("input[name=amount][value='" + keep + "']");
      if (again) {
        again.checked = true;
      }
    }
    otherLabel.textContent = set.other_label;
    if (otherHelp) {
      otherHelp.textContent = set.other_help;
    }
  }

  function applySwitch() {
    var frequency = switcher.querySelector("input[name=frequency]:checked").value;
    var currency = switcher.querySelector("select[name=currency]").value;
    hidden("frequency").value = frequency;
    hidden("currency").value = currency;
    var texts = data.texts[frequency];
    legend.textContent = texts.legend;
    legendCurrency.textContent = "(" + currency + ")";
    summary.textContent = texts.summary;
    rebuildAmounts(currency, frequency);
    updateButton();
    if (window.history && window.history.replaceState) {
      var params = new URLSearchParams(window.location.search);
      params.set("frequency", frequency);
      params.set("currency", currency);
      window.history.replaceState(null, "", "?" + params.toString());
    }
  }

  if (switcher) {
    var apply = switcher.querySelector("[data-switch-apply]");
    if (apply) {
      apply.hidden = true;
    }
    switcher.addEventListener("change", applySwitch);
    switcher.addEventListener("submit", function (event) {
      event.preventDefault();
      applySwitch();
    });
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "amount") {
      updateButton();
    }
  });
  other.addEventListener("input", function () {
    // Typing an amount chooses "Other amount".
    var otherRadio = options.querySelector("input[name=amount][value=other]");
    if (other.value.trim() && otherRadio) {
      otherRadio.checked = true;
    }
    updateButton();
  });

  // A donor who double-clicks sends the form once (the server makes one donation of two posts anyway).
  form.addEventListener("submit", function () {
    window.setTimeout(function () { submit.disabled = true; }, 0);
  });

  // Back from the payment page (the browser's page cache): the button works again.
  window.addEventListener("pageshow", function () { submit.disabled = false; });

  updateButton();
  var errors = document.querySelector("[data-error-summary]");
  if (errors) {
    errors.focus();
  }
})();
