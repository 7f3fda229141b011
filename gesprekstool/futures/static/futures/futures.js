// Picture of the future: the wall and a participant's list update themselves every few seconds
// (htmx polling, data-futures-live). A poll waits while someone is working inside the list (a
// "Manage" panel open on the wall, or a field with focus), so nothing they type is swapped away.
document.addEventListener("htmx:beforeRequest", (event) => {
  const live = event.detail.elt;
  if (!live || !live.matches || !live.matches("[data-futures-live]")) return;
  const active = document.activeElement;
  const typing = active && live.contains(active) && active.matches("input, select, textarea");
  if (typing || live.querySelector("details[open]")) event.preventDefault();
});
