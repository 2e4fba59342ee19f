// The header's menu button opens Material's navigation drawer on narrow screens. Material's is a
// <label> for the hidden #__drawer checkbox, which the keyboard can neither reach nor press; and
// the closed drawer is out of the tab order (directory.css), so keyboard users would have no menu.
// Here a real button (overrides/partials/header.html) takes the label's place: Tab reaches it,
// Enter or Space opens and closes the drawer, aria-expanded tells which; Escape closes an open
// drawer and returns focus to the button. Without JavaScript the label stays (click or tap).
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  var button = document.querySelector(".md-header .dir-drawer-button");
  if (!toggle || !label || !button) return;

  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  // Material opens and closes the drawer by clicking the checkbox too, so "change" sees every move.
  toggle.addEventListener("change", sync);
  button.addEventListener("click", function () {
    toggle.click();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
  sync();
  label.hidden = true;
  button.hidden = false;
})();
