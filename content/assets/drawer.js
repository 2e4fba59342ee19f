// The header's menu button opens Material's navigation drawer on narrow screens. Material's is a
// <label> for the hidden #__drawer checkbox, which the keyboard can neither reach nor press; and
// the closed drawer is out of the tab order (directory.css), so keyboard users would have no menu.
// Here a real button (overrides/partials/header.html) takes the label's place: Tab reaches it,
// Enter or Space opens and closes the drawer, aria-expanded tells which; Escape closes an open
// drawer (when the focus is not in a fold of the page, see below) and returns focus to the button. Without JavaScript the label stays (click or tap).
// On a phone the open drawer keeps the keyboard inside it (see sync below).
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  var button = document.querySelector(".md-header .dir-drawer-button");
  if (!toggle || !label || !button) return;

  var drawer = document.querySelector(".md-sidebar--primary");
  // Material's drawer layout: below 76.25em (directory.css uses the same bound).
  var narrow = window.matchMedia("(max-width: 76.234375em)");
  var FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

  // The open drawer is a modal menu on a phone: the page behind its grey overlay (header, content,
  // footer) is inert, so Tab cannot wander there and screen readers do not read it. Everything
  // outside the drawer is made inert, except the overlay (a tap on it closes the drawer) and
  // Material's hidden checkboxes. The header's search box is inert too: the overlay covers it (a
  // tap cannot reach it either), and the menu has its own link to the search page.
  var madeInert = [];
  function shut() {
    for (var node = drawer; node && node !== document.body; node = node.parentElement) {
      var siblings = node.parentElement ? node.parentElement.children : [];
      for (var i = 0; i < siblings.length; i++) {
        var other = siblings[i];
        if (other === node || other.inert || other.matches(".md-overlay, input.md-toggle, script, style")) continue;
        other.inert = true;
        madeInert.push(other);
      }
    }
  }
  function reopen() {
    madeInert.forEach(function (other) { other.inert = false; });
    madeInert = [];
  }
  // The menu's controls; while the page's contents (目次) are open over the menu, theirs only
  // (the menu's links lie under them, unseen).
  function menuPart() {
    var toc = document.getElementById("__toc");
    var contents = toc && toc.checked && drawer.querySelector(".md-nav--primary .md-nav--secondary");
    return contents || drawer;
  }
  function inMenu() {
    return Array.prototype.filter.call(menuPart().querySelectorAll(FOCUSABLE), function (control) {
      // (checkVisibility is newer than inert in Safari: the computed visibility where it is missing.)
      var seen = control.checkVisibility ? control.checkVisibility({ visibilityProperty: true }) : getComputedStyle(control).visibility === "visible";
      return !control.disabled && seen && control.getClientRects().length > 0;
    });
  }
  var modal = false;
  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    var wasModal = modal;
    modal = !!drawer && toggle.checked && narrow.matches;
    if (modal === wasModal) return;
    var focused = document.activeElement;
    if (modal) {
      shut();
      // The menu button is covered by the open drawer (and now inert): focus goes to the menu.
      if (!drawer.contains(focused)) {
        var first = inMenu()[0];
        if (first) first.focus();
      }
    } else {
      reopen();
      // Closed by the overlay or the drawer's title: focus returns to the menu button, not to the
      // page's start. A link in the menu keeps its own way (to its page or its heading).
      var lost = !focused || focused === document.body || (drawer.contains(focused) && !focused.matches("a[href]"));
      if (lost && toggle.checked === false && narrow.matches) button.focus();
    }
  }
  narrow.addEventListener("change", sync);
  // Tab from the menu's last control goes to its first, Shift+Tab from its first to its last.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Tab" || !modal || event.altKey || event.ctrlKey || event.metaKey) return;
    var controls = inMenu();
    if (!controls.length) return;
    var first = controls[0];
    var last = controls[controls.length - 1];
    var at = document.activeElement;
    var part = menuPart();
    if (event.shiftKey && (at === first || !part.contains(at))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (at === last || !part.contains(at))) {
      event.preventDefault();
      first.focus();
    }
  });

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
  // (A label may have no role: the button is a span wrapped around the label's content, and a
  // click on it is still a click on the label.)
  var toc = document.getElementById("__toc");
  var tocOpenLabel = toc && document.querySelector('.md-nav--primary label.md-nav__link[for="__toc"]');
  var tocCloseLabel = toc && document.querySelector('.md-nav--primary .md-nav--secondary label.md-nav__title[for="__toc"]');
  function asButton(label) {
    var control = document.createElement("span");
    control.className = "dir-toc-button";
    while (label.firstChild) control.appendChild(label.firstChild);
    label.appendChild(control);
    control.setAttribute("role", "button");
    control.tabIndex = 0;
    return control;
  }
  var tocOpen = null;
  var tocClose = null;
  function syncToc() {
    tocOpen.setAttribute("aria-expanded", toc.checked ? "true" : "false");
  }
  function flipToc(focus) {
    toc.click();
    focus.focus();
  }
  if (tocOpenLabel && tocCloseLabel) {
    tocOpen = asButton(tocOpenLabel);
    tocClose = asButton(tocCloseLabel);
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

  // One Escape closes one thing: the innermost around the focus. On a phone the page behind the
  // open drawer is inert; where the drawer is a sidebar (or without inert) an Escape in an open
  // fold of the page (<details>) closes that fold only (details-escape.js). Both listeners are on
  // the document, this one first (mkdocs.yml): it leaves such an Escape alone.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    var fold = event.target.closest && event.target.closest("details[open]");
    if (fold && fold.querySelector(":scope > summary")) return;
    if (tocOpen && toc.checked && event.target.closest && event.target.closest(".md-nav--secondary") && tocOpen.closest(".md-sidebar--primary").contains(event.target)) {
      event.preventDefault();
      flipToc(tocOpen);
      return;
    }
    if (toggle.checked) closeDrawer();
  });
  // The drawer's own close button (overrides/partials/nav.html) does what Escape does.
  var close = drawer && drawer.querySelector(".dir-drawer-close");
  if (close) {
    close.addEventListener("click", closeDrawer);
    close.hidden = false;
  }
  // The page comes back with the focus on the menu button.
  function closeDrawer() {
    if (toggle.checked) toggle.click();
    button.focus();
  }
  sync();
  label.hidden = true;
  button.hidden = false;
})();
