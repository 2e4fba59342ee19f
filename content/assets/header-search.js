// On a phone the header's search box is folded into a magnifier button (search.css), so that the
// site's name has the room to be read. The button opens the box over the header's title with the
// focus in it (the phone's keyboard comes up: one tap to type); its 閉じる button or Escape folds
// it again and gives the focus back to the button, as does the focus leaving it (a tap elsewhere,
// Tab past it). Without this script the button sends the empty form: the search page, which has
// its own box. On wider screens the box is always shown and the button is not.
(function () {
  "use strict";
  var form = document.querySelector(".md-header .dir-header-search");
  var open = document.querySelector(".md-header .dir-header-search-open");
  var close = form && form.querySelector(".dir-header-search__close");
  var input = form && form.querySelector("input[name=q]");
  if (!form || !open || !close || !input) return;

  open.type = "button";
  open.removeAttribute("form");
  open.setAttribute("aria-expanded", "false");
  open.setAttribute("aria-controls", form.id);
  close.hidden = false;

  function isOpen() {
    return form.classList.contains("is-open");
  }
  function show() {
    form.classList.add("is-open");
    open.setAttribute("aria-expanded", "true");
    input.focus();
  }
  function fold(focusTheButton) {
    if (!isOpen()) return;
    form.classList.remove("is-open");
    open.setAttribute("aria-expanded", "false");
    if (focusTheButton) open.focus();
  }

  open.addEventListener("click", function () {
    if (isOpen()) fold(true);
    else show();
  });
  close.addEventListener("click", function () { fold(true); });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !isOpen()) return;
    event.preventDefault();
    event.stopPropagation();  // not also a fold of the page (details-escape.js) or the menu
    fold(true);
  });
  // The focus left the box: after the move, so that a tap on the box's own buttons does not fold
  // it, nor the phone's switch to another app (the focus stays in the box then).
  form.addEventListener("focusout", function () {
    window.setTimeout(function () {
      if (!form.contains(document.activeElement)) fold(false);
    }, 0);
  });
})();
