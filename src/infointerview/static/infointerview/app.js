// Small enhancements that the pages work without: copy a draft, print a letter.
"use strict";

document.addEventListener("click", (event) => {
  const copy = event.target.closest("[data-copy]");
  if (copy) {
    const source = document.querySelector(copy.dataset.copy);
    if (!source || !navigator.clipboard) return;
    navigator.clipboard.writeText(source.textContent).then(
      () => { copy.textContent = "Copied"; },
      () => { copy.textContent = "Select the text and copy it"; }
    );
  }
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// Show only the follow-up fields that fit the chosen outcome.
function showFieldsFor(form) {
  const outcome = form.querySelector("select[name=outcome]").value;
  form.querySelectorAll("[data-when]").forEach((group) => {
    group.hidden = group.dataset.when !== outcome;
  });
}

document.addEventListener("change", (event) => {
  const form = event.target.closest("[data-outcome-form]");
  if (form && event.target.name === "outcome") showFieldsFor(form);
});

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-outcome-form]").forEach(showFieldsFor);
});

// --- Asking first (interview steps) ---
// A control with data-confirm="question" asks before it acts; "Cancel" stops the click
// before any other listener, and before a form is sent. Listening while the click
// travels down (capture) is what lets it run first.
document.addEventListener(
  "click",
  (event) => {
    const asking = event.target.closest("[data-confirm]");
    if (asking && !window.confirm(asking.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  },
  true
);
// --- end: asking first ---

// --- After a refused form ---
// The page comes back with the reason beside the field: put the keyboard there, so that
// the first thing read out and typed into is what needs fixing.
document.addEventListener("DOMContentLoaded", () => {
  const field = document.querySelector(".has-error input, .has-error select, .has-error textarea");
  if (field) {
    field.focus();
    return;
  }
  const reason = document.querySelector("form .error[role=alert]");
  if (reason) {
    reason.tabIndex = -1;
    reason.focus();
  }
});
// --- end: after a refused form ---
