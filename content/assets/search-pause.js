// The search page draws its result cards in the browser (directory-search.js), from records that
// say nothing of an employer's pause (受け入れ休止). The page carries, for each paused employer, the
// chip the listing cards show (a <template data-paused-card> made by search_page.html); this puts
// it on that employer's card each time the cards are drawn. A pause whose last day has passed
// since the build (the daily rebuild stopped) is left off, as build-age.js hides it elsewhere.
(function () {
  "use strict";
  var chips = {};
  Array.prototype.forEach.call(document.querySelectorAll("template[data-paused-card]"), function (template) {
    chips[template.getAttribute("data-paused-card")] = template;
  });
  var results = document.getElementById("dir-search-results");
  if (!results || !Object.keys(chips).length) return;
  var today = window.directoryToday ? window.directoryToday.iso() : "";
  var isOver = function (chip) { return Boolean(today) && window.directoryToday.isOver(chip, today); };

  function markPausedCards() {
    Array.prototype.forEach.call(results.querySelectorAll(".dir-card"), function (card) {
      var link = card.querySelector(".dir-card__name a");
      var meta = card.querySelector(".dir-card__meta");
      if (!link || !meta || meta.querySelector(".dir-chip--paused")) return;
      var path = new URL(link.href, window.location.href).pathname;
      var key = path.slice(path.indexOf("employers/"));
      var template = chips[key];
      if (!template) return;
      var chip = template.content.firstElementChild.cloneNode(true);
      if (isOver(chip)) return;
      meta.insertBefore(document.createTextNode(" "), meta.firstChild);
      meta.insertBefore(chip, meta.firstChild);
    });
  }

  document.addEventListener("directory:cards-rendered", markPausedCards);
  markPausedCards();
})();
