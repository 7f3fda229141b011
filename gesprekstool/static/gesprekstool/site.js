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

// Presenter view: keys step through the slides as in a slide show. Space, Page Down and the right
// arrow go on, Page Up and the left arrow go back (Shift+Space too), Home and End go to the first and
// last slide. Keys on form fields, buttons and disclosures keep their own meaning.
const PRESENT_KEYS = {
  ArrowRight: 'a[rel="next"]',
  PageDown: 'a[rel="next"]',
  " ": 'a[rel="next"]',
  ArrowLeft: 'a[rel="prev"]',
  PageUp: 'a[rel="prev"]',
  Home: 'link[rel="first"]',
  End: 'link[rel="last"]',
};
document.addEventListener("keydown", (event) => {
  if (!document.body.classList.contains("gt-present-body")) return;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.target.closest("input, textarea, select, button, summary, [contenteditable]")) return;
  let selector = PRESENT_KEYS[event.key];
  if (event.key === " " && event.shiftKey) selector = PRESENT_KEYS.PageUp;
  const target = selector && document.querySelector(selector);
  if (!target) return;
  event.preventDefault();
  if (target.href !== window.location.href) window.location.href = target.href;
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

// Long texts: a live count from 80 % of the limit, and after a paste over the limit, what was cut.
// The browser cuts at maxlength; the server refuses anything longer with its own message.
const isEnglish = () => document.documentElement.lang === "en";
const counterOf = (field) => {
  let counter = document.getElementById(`${field.id}-count`);
  if (!counter) {
    counter = document.createElement("p");
    counter.id = `${field.id}-count`;
    counter.className = "gt-hint gt-counter";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    const described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", described ? `${described} ${counter.id}` : counter.id);
  }
  return counter;
};
const showCount = (field, cut = 0) => {
  const max = field.maxLength;
  if (!(max > 0) || !field.id) return;
  const length = field.value.length;
  if (length < max * 0.8 && !cut) {
    const counter = document.getElementById(`${field.id}-count`);
    if (counter) counter.textContent = "";
    return;
  }
  const number = (n) => n.toLocaleString(isEnglish() ? "en-GB" : "nl-NL");
  let text = isEnglish()
    ? `${number(length)} of ${number(max)} characters`
    : `${number(length)} van ${number(max)} tekens`;
  if (cut) {
    text += isEnglish()
      ? `. Your pasted text was too long: its last ${number(cut)} characters were left out.`
      : `. Uw geplakte tekst was te lang: de laatste ${number(cut)} tekens zijn weggelaten.`;
  }
  const counter = counterOf(field);
  counter.textContent = text;
  counter.classList.toggle("gt-counter--full", length >= max || cut > 0);
};
document.addEventListener("input", (event) => {
  if (event.target.matches("textarea[maxlength]")) showCount(event.target);
});
document.addEventListener("paste", (event) => {
  const field = event.target;
  if (!field.matches || !field.matches("textarea[maxlength]") || !event.clipboardData) return;
  const pasted = event.clipboardData.getData("text").replace(/\r\n/g, "\n");
  const selected = field.selectionEnd - field.selectionStart;
  const room = field.maxLength - (field.value.length - selected);
  const cut = Math.max(0, pasted.length - room);
  if (cut) setTimeout(() => showCount(field, cut), 0);
});
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("textarea[maxlength]").forEach((field) => showCount(field));
});
