// Material's 「ページトップへ戻る」 button (navigation.top) shows below the header whenever the page
// scrolls up. Near the top it lay over what is there: on a phone, scrolling back up the search
// page, it covered the search box (and would take the tap meant for it). Within one screen of
// the top, the top is a short swipe away: the button stays hidden there (directory.css,
// html[data-near-top]); further down it comes and goes as Material makes it.
(function () {
  "use strict";
  var root = document.documentElement;
  var pending = false;
  function update() {
    pending = false;
    root.toggleAttribute("data-near-top", window.scrollY < window.innerHeight);
  }
  function later() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(update);
  }
  update();
  window.addEventListener("scroll", later, { passive: true });
  window.addEventListener("resize", later, { passive: true });
})();
