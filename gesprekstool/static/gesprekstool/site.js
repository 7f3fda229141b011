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
