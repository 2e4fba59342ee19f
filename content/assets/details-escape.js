// Escape closes an open <details> (the search page's 「条件でしぼりこむ」, 「終わった回」, the
// calendar help) from anywhere inside it and puts focus on its summary, as Escape closes the phone
// menu (drawer.js): a keyboard user who opened the filters need not Shift+Tab back past every
// checkbox to fold them away. The innermost open one closes first. (The page behind the open
// phone menu is inert, drawer.js: Escape there closes the menu.)
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    var target = event.target;
    var details = target && target.closest ? target.closest("details[open]") : null;
    if (!details) return;
    var summary = details.querySelector(":scope > summary");
    if (!summary) return;
    details.open = false;
    summary.focus();
    event.preventDefault();
  });
})();
