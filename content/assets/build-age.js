// Pages are static: "today" is the day of the build, and the deploy workflow rebuilds every
// morning at 06:05 so that past meetings turn 終了 and closed applications 受付終了. Between
// midnight and that rebuild, or if it stops (a failing build, a schedule GitHub turned off), the
// page would go on calling such meetings 募集中. Here, with today's date in Japan:
// * a status chip whose meeting day is past (data-date) reads 終了, and one whose program's
//   deadline is past (data-deadline) reads 受付終了, or 当日参加可 (data-walk-in); a past
//   "申し込みは…まで" note is hidden;
// * a "次回" line (data-next) whose meeting is past is hidden, or replaced by its data-next text,
//   and a past meeting loses its 「カレンダーに追加」 link;
// * on a month page, 今日 moves to today's day (data-day), in the grid and in the phone list;
// * when the page's build date (data-build-date) is more than two days old, the page says at the
//   top that its updates have stopped.
(function () {
  "use strict";

  var today = window.directoryToday.iso();  // tokyo-date.js
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) return;

  function setChip(chip, label, kind) {
    chip.textContent = label;
    chip.className = "cal-status cal-status--" + kind;
  }

  var chips = document.querySelectorAll(".cal-status[data-date]");
  for (var i = 0; i < chips.length; i++) {
    var chip = chips[i];
    var deadline = chip.getAttribute("data-deadline");
    if (chip.getAttribute("data-date") < today) {
      setChip(chip, "終了", "ended");
      // nothing left to add to a calendar
      var meeting = chip.closest("li");
      var add = meeting && meeting.querySelector(".cal-add");
      if (add) add.hidden = true;
    } else if (deadline && deadline < today) {
      if (chip.hasAttribute("data-walk-in")) setChip(chip, "当日参加可", "walk-in");
      else setChip(chip, "受付終了", "closed");
    }
  }
  var notes = document.querySelectorAll(".cal-deadline[data-deadline]");
  for (var j = 0; j < notes.length; j++) {
    if (notes[j].getAttribute("data-deadline") < today) notes[j].hidden = true;
  }
  // A past 次回: hidden where the meetings are listed below it (program pages), replaced by its
  // data-next text where they are not (the program list of the calendar index).
  var nextLines = document.querySelectorAll("[data-next]");
  for (var k = 0; k < nextLines.length; k++) {
    var nextChip = nextLines[k].querySelector(".cal-status[data-date]");
    if (!nextChip || nextChip.getAttribute("data-date") >= today) continue;
    var instead = nextLines[k].getAttribute("data-next");
    if (instead) nextLines[k].textContent = instead;
    else nextLines[k].hidden = true;
  }

  var marked = document.querySelector("[data-build-date]");
  if (!marked) return;
  var built = marked.getAttribute("data-build-date");

  // 今日 on month pages: grid cells (td) and phone-list days (section, marked on their heading).
  // The phone list has a section for the build day (今日 then) and for days with meetings; today
  // gets one too if it is in this month, and the build day's goes if nothing else was in it.
  var list = document.querySelector(".cal-list");
  var month = document.querySelector("[data-month]");
  if (built !== today && list && month && today.slice(0, 7) === month.getAttribute("data-month")) {
    var stale = list.querySelector('[data-day="' + built + '"][data-empty]');
    if (stale) stale.parentNode.removeChild(stale);
    if (!list.querySelector('[data-day="' + today + '"]')) {
      var section = document.createElement("section");
      section.className = "cal-list__day";
      section.setAttribute("data-day", today);
      var heading = document.createElement("h2");
      heading.textContent = window.directoryToday.label();
      var nothing = document.createElement("p");
      nothing.className = "dir-empty";
      nothing.textContent = "この日の予定はありません。";
      section.appendChild(heading);
      section.appendChild(nothing);
      var after = null;
      var listed = list.querySelectorAll("[data-day]");
      for (var n = 0; n < listed.length && !after; n++) {
        if (listed[n].getAttribute("data-day") > today) after = listed[n];
      }
      list.insertBefore(section, after);
    }
  }
  if (built !== today) {
    var days = document.querySelectorAll("[data-day]");
    for (var d = 0; d < days.length; d++) {
      var day = days[d];
      var isToday = day.getAttribute("data-day") === today;
      var target = day.tagName === "TD" ? day : day.querySelector("h2");
      var label = day.querySelector(".cal-today");
      day.classList.toggle("is-today", isToday);
      if (target) {
        if (isToday) target.setAttribute("aria-current", "date");
        else target.removeAttribute("aria-current");
      }
      if (!isToday && label) label.parentNode.removeChild(label);
      if (isToday && !label) {
        label = document.createElement("span");
        label.className = "cal-today";
        label.textContent = "今日";
        var number = day.querySelector(".cal-day");
        if (day.tagName === "TD" && number) number.parentNode.insertBefore(label, number.nextSibling);
        else if (target) target.appendChild(label);
        label.parentNode.insertBefore(document.createTextNode(" "), label);
      }
    }
  }
  var days = (Date.parse(today + "T00:00:00Z") - Date.parse(built + "T00:00:00Z")) / 86400000;
  if (!(days > 2)) return;

  var builtLabel = new Intl.DateTimeFormat("ja-JP", { timeZone: "UTC", year: "numeric", month: "long", day: "numeric", weekday: "short" })
    .format(new Date(built + "T00:00:00Z"));
  var note = document.createElement("p");
  note.className = "dir-build-age";
  note.setAttribute("role", "note");
  var contact = marked.getAttribute("data-contact") || "センター";
  var phone = marked.getAttribute("data-phone");
  note.appendChild(document.createTextNode("このページは" + builtLabel + "の情報のまま、更新が止まっています。" +
    "過ぎた日の回は「終了」にしています。最新の予定や内容は" + contact));
  if (phone) {
    // A link a phone can call, on one line, as phone numbers are elsewhere on the site.
    var call = document.createElement("a");
    call.href = "tel:" + phone;
    call.textContent = phone;
    note.appendChild(document.createTextNode("（電話 "));
    note.appendChild(call);
    note.appendChild(document.createTextNode("）"));
  }
  note.appendChild(document.createTextNode("にお問い合わせください。"));
  var heading = document.querySelector(".md-content h1");
  if (heading && heading.parentNode) heading.parentNode.insertBefore(note, heading.nextSibling);
})();
