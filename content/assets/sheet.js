// Printable pages: the print button, and today's date (Asia/Tokyo, tokyo-date.js) as the printing date.
(function () {
  "use strict";
  // Sheets are built each morning but printed any day: a meeting whose day has passed (the
  // rebuild stopped, or the counter prints after midnight) is left off the paper, and a row of
  // meetings that are all past goes with them.
  function dropPastMeetings(root, today) {
    root.querySelectorAll("[data-meeting-date]").forEach(function (node) {
      node.hidden = node.getAttribute("data-meeting-date") < today;
    });
    root.querySelectorAll("[data-meetings]").forEach(function (row) {
      row.hidden = !row.querySelector("[data-meeting-date]:not([hidden])");
    });
    // "Employer name:" before its address is there to tell it from other places: none left, none needed.
    root.querySelectorAll("[data-elsewhere-name]").forEach(function (name) {
      var sheet = name.closest("article") || root;
      name.hidden = !sheet.querySelector(".sheet-elsewhere:not([hidden])");
    });
  }

  // "申し込みは…まで" of a meeting whose deadline has passed since the build says that
  // applications are closed (or that one can come on the day): its data-after text.
  function closePastDeadlines(root, today) {
    root.querySelectorAll("[data-deadline][data-after]").forEach(function (note) {
      if (note.getAttribute("data-deadline") < today) note.textContent = note.getAttribute("data-after");
    });
  }

  // The centre's closure told under the employer's name (年末年始 …), and an employer's pause
  // (受け入れ休止) told at the top, are left off a sheet printed after their last day.
  function dropPastUntil(root, today) {
    root.querySelectorAll(window.directoryToday.UNTIL).forEach(function (note) {
      note.hidden = window.directoryToday.isOver(note, today);
    });
  }

  function fillPrintDates(root) {
    // tokyo-date.js missing (blocked, or an old cached page): the sheet keeps its built date and
    // every meeting, and the print buttons still work.
    if (!window.directoryToday) return;
    root = root || document;
    var label = window.directoryToday.label();
    root.querySelectorAll("[data-print-date]").forEach(function (node) { node.textContent = label; });
    var today = window.directoryToday.iso();
    dropPastMeetings(root, today);
    closePastDeadlines(root, today);
    dropPastUntil(root, today);
  }

  // An employer's sheet file: its toolbar says which sheet is shown (the address after #), and
  // the page title names it, so that "save as PDF" proposes a name per sheet.
  var pageTitle = document.title;
  function markShownSheet() {
    var links = document.querySelectorAll("[data-sheet-link]");
    if (!links.length) return;
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    var shown = target && target.matches("article.sheet") ? target.id : "";
    links.forEach(function (link) {
      if (link.getAttribute("data-sheet-link") === shown) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
    document.title = shown ? target.getAttribute("data-title") : pageTitle;
  }
  markShownSheet();
  window.addEventListener("hashchange", markShownSheet);

  window.directoryPrint = { fillPrintDates: fillPrintDates };
  fillPrintDates(document);
  window.addEventListener("beforeprint", function () { fillPrintDates(document); });
  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
