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

  // A sheet that runs a little past its A4 page (a pause notice on a full sheet, a weekly group
  // beside a tour day and its deadline) is set in smaller type, down to 85 %, so that it prints
  // on one page: a second page holding only the contact lines gets lost at the counter. A sheet
  // too long for that flows on to a second page as before. Measured on the screen's copy of the
  // sheet set to the paper's width (210 mm less the 12 mm margins, as @page in print.css).
  var MM = 96 / 25.4;
  var PAGE_HEIGHT = (297 - 12 - 14 - 3) * MM;  // @page's top and bottom margins, and 3 mm to spare
  var STEPS = [0.97, 0.94, 0.91, 0.88, 0.85];
  function contentHeight(sheet) {
    var style = window.getComputedStyle(sheet);
    return sheet.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  }
  function fitToPage(root) {
    root.querySelectorAll("article.sheet").forEach(function (sheet) {
      var saved = sheet.getAttribute("style");
      sheet.style.fontSize = "";
      // Shown (a sheet not at the address is display: none), at the paper's width, not stretched.
      sheet.style.display = "block";
      sheet.style.width = "210mm";
      sheet.style.maxWidth = "none";
      sheet.style.minHeight = "0";
      // and in the paper's layout on a phone too (print.css leaves its phone rules off).
      sheet.setAttribute("data-measuring", "");
      var size = parseFloat(window.getComputedStyle(sheet).fontSize);
      var fit = 1;
      if (contentHeight(sheet) > PAGE_HEIGHT) {
        // None fits: it flows on to a second page in its own size.
        for (var i = 0; i < STEPS.length && fit === 1; i++) {
          sheet.style.fontSize = size * STEPS[i] + "px";
          if (contentHeight(sheet) <= PAGE_HEIGHT) fit = STEPS[i];
        }
      }
      sheet.removeAttribute("data-measuring");
      if (saved === null) sheet.removeAttribute("style"); else sheet.setAttribute("style", saved);
      sheet.style.fontSize = fit < 1 ? size * fit + "px" : "";
      if (fit < 1) sheet.setAttribute("data-fitted", fit.toFixed(2)); else sheet.removeAttribute("data-fitted");
    });
  }

  function fillPrintDates(root) {
    // tokyo-date.js missing (blocked, or an old cached page): the sheet keeps its built date and
    // every meeting, and the print buttons still work.
    root = root || document;
    if (!window.directoryToday) return fitToPage(root);
    var label = window.directoryToday.label();
    root.querySelectorAll("[data-print-date]").forEach(function (node) { node.textContent = label; });
    var today = window.directoryToday.iso();
    dropPastMeetings(root, today);
    closePastDeadlines(root, today);
    dropPastUntil(root, today);
    fitToPage(root);
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
  // Measured again once the fonts are in: a fallback font's lines are not the printed ones.
  if (document.fonts) document.fonts.ready.then(function () { fitToPage(document); });
  window.addEventListener("beforeprint", function () { fillPrintDates(document); });
  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
