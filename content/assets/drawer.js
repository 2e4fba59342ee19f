// The header's menu button opens Material's navigation drawer on narrow screens. Material's is a
// <label> for the hidden #__drawer checkbox, which the keyboard can neither reach nor press; and
// the closed drawer is out of the tab order (directory.css), so keyboard users would have no menu.
// Here a real button (overrides/partials/header.html) takes the label's place: Tab reaches it,
// Enter or Space opens and closes the drawer, aria-expanded tells which; Escape closes an open
// drawer (when the focus is not in a fold of the page, see below) and returns focus to the button. Without JavaScript the label stays (click or tap).
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
  // In the drawer, a page with headings shows Material's label for its contents (目次) in place of
  // its menu link, and the contents' own title label closes them again: labels for the hidden
  // #__toc checkbox, out of reach of the keyboard too. They become buttons (Enter or Space);
  // focus goes to the contents' first control when they open and back to the label when they
  // close; Escape inside them closes them (not the whole drawer). directory.css keeps the closed
  // contents out of the tab order (their links took focus unseen).
  var toc = document.getElementById("__toc");
  var tocOpen = toc && document.querySelector('.md-nav--primary label.md-nav__link[for="__toc"]');
  var tocClose = toc && document.querySelector('.md-nav--primary .md-nav--secondary label.md-nav__title[for="__toc"]');
  function syncToc() {
    tocOpen.setAttribute("aria-expanded", toc.checked ? "true" : "false");
  }
  function flipToc(focus) {
    toc.click();
    focus.focus();
  }
  if (tocOpen && tocClose) {
    [tocOpen, tocClose].forEach(function (control) {
      control.setAttribute("role", "button");
      control.tabIndex = 0;
    });
    tocClose.setAttribute("aria-label", tocClose.textContent.trim() + "を閉じる");
    // It stands for the page being read (its link is hidden here): it says so, and what it opens.
    tocOpen.setAttribute("aria-label", tocOpen.textContent.trim() + "の目次");
    tocOpen.setAttribute("aria-current", "page");
    toc.addEventListener("change", syncToc);
    // Material's own keyboard handler (on the document) clicks a focused label on Enter as well:
    // it would close the contents again at once.
    tocOpen.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();
      if (!toc.checked) flipToc(tocClose);
    });
    tocClose.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();
      if (toc.checked) flipToc(tocOpen);
    });
    syncToc();
  }

  // One Escape closes one thing: the innermost around the focus. Tab goes on from the open
  // drawer's last link into the page behind it; Escape in an open fold there (<details>) closes
  // that fold only (details-escape.js), and the next Escape the drawer. Both listeners are on the
  // document, this one first (mkdocs.yml): it leaves such an Escape alone.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    var fold = event.target.closest && event.target.closest("details[open]");
    if (fold && fold.querySelector(":scope > summary")) return;
    if (tocOpen && toc.checked && event.target.closest && event.target.closest(".md-nav--secondary") && tocOpen.closest(".md-sidebar--primary").contains(event.target)) {
      event.preventDefault();
      flipToc(tocOpen);
      return;
    }
    if (toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
  sync();
  label.hidden = true;
  button.hidden = false;
})();
