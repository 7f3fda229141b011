// Small progressive enhancements; every page works without them.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const input = document.getElementById(button.dataset.copy);
  input.select();
  const done = () => {
    const original = button.dataset.label || button.textContent;
    button.dataset.label = original;
    button.textContent = document.documentElement.lang === "en" ? "Copied" : "Gekopieerd";
    setTimeout(() => { button.textContent = original; }, 2000);
  };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(input.value).then(done, () => document.execCommand("copy") && done());
  } else if (document.execCommand("copy")) {
    done();
  }
});

// Swap validation (422) and refusal (409) answers too: they carry the Dutch message.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.htmx) return;
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "422", swap: true, error: false },
    { code: "409", swap: true, error: false },
    { code: "[45]..", swap: false, error: true },
  ];
});

// Presenter view: the arrow keys step through the themes, as with slides.
document.addEventListener("keydown", (event) => {
  if (!document.body.classList.contains("gt-present-body")) return;
  if (event.target.closest("input, textarea, select, [contenteditable]")) return;
  const rel = { ArrowRight: "next", PageDown: "next", ArrowLeft: "prev", PageUp: "prev" }[event.key];
  const link = rel && document.querySelector(`a[rel="${rel}"]`);
  if (link) {
    event.preventDefault();
    window.location.href = link.href;
  }
});

// Answer fields: after a refused save (409: another tab changed the answer, the round closed) the
// ticks show what is stored, not what was clicked. The server sends what is stored when it knows
// (data-stored); otherwise the ticks go back to what this page last saved.
const ANSWER_FIELDSETS = "fieldset.gt-score, fieldset.gt-question";
const ticks = (fieldset) => [...fieldset.querySelectorAll("input[type=radio], input[type=checkbox]")];
const rememberTicks = (fieldset) => {
  fieldset.dataset.saved = ticks(fieldset).filter((i) => i.checked).map((i) => i.value).join(" ");
};
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(ANSWER_FIELDSETS).forEach(rememberTicks);
});
document.addEventListener("htmx:afterSwap", (event) => {
  const fieldset = event.detail.elt.closest && event.detail.elt.closest(ANSWER_FIELDSETS);
  if (!fieldset) return;
  const status = event.detail.xhr.status;
  if (status >= 200 && status < 300) {
    rememberTicks(fieldset);
  } else if (status === 409) {
    const refusal = event.detail.target.querySelector("[data-stored]");
    const stored = (refusal ? refusal.dataset.stored : fieldset.dataset.saved || "").split(" ");
    ticks(fieldset).forEach((input) => { input.checked = stored.includes(input.value); });
    rememberTicks(fieldset);
  }
});
