// Pages are static: "today" is the day of the build, and the deploy workflow rebuilds every
// morning at 06:05 so that past meetings turn 終了 and closed applications 受付終了. Between
// midnight and that rebuild, or if it stops (a failing build, a schedule GitHub turned off), the
// page would go on calling such meetings 募集中. Here, with today's date in Japan (tokyo-date.js):
// * a status chip whose meeting day is past (data-date) reads 終了, and one whose program's
//   deadline is past (data-deadline) reads 受付終了, or 当日参加可 (data-walk-in); a past
//   "申し込みは…まで" note is hidden (in lists, and in the month printout's programs table), and so
//   is the home and employer pages' notice of a closure that is over (data-closed-until), and an
//   employer's pause (受け入れ休止) whose last day has passed (data-paused-until);
// * a "次回" line (data-next) whose meeting is past is hidden, or replaced by its data-next text,
//   and a past meeting loses its 「カレンダーに追加」 link; 「空きのある次の回」 (data-next-room)
//   goes once its meeting says 受付終了;
// * on a month page, 今日 moves to today's day (data-day), in the grid and in the phone list;
// * when the page's build date (data-build-date) is more than two days old, the page says at the
//   top that its updates have stopped.
(function () {
  "use strict";
  if (!window.directoryToday) return;
  var today = window.directoryToday.iso();

  function each(selector, action) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), action);
  }

  function setChip(chip, label, kind) {
    chip.textContent = label;
    chip.className = "cal-status cal-status--" + kind;
  }

  function updateStatuses() {
    each(".cal-status[data-date]", function (chip) {
      var deadline = chip.getAttribute("data-deadline");
      if (chip.getAttribute("data-date") < today) {
        setChip(chip, "終了", "ended");
        var meeting = chip.closest("li, .cal-only");  // nothing left to add to a calendar
        var add = meeting && meeting.querySelector(".cal-adds");  // both links (the file, Google Calendar)
        if (add) add.hidden = true;
      } else if (deadline && deadline < today) {
        if (chip.hasAttribute("data-walk-in")) setChip(chip, "当日参加可", "walk-in");
        else setChip(chip, "受付終了", "closed");
      }
    });
    each(".cal-deadline[data-deadline], .cal-print-programs__deadline[data-deadline]", function (note) {
      if (note.getAttribute("data-deadline") < today) note.hidden = true;
    });
    // A closure, or an employer's pause (受け入れ休止), that is over: its notice, chips and counts go.
    each(window.directoryToday.UNTIL, function (note) {
      if (window.directoryToday.isOver(note, today)) note.hidden = true;
    });
    // A past 次回: hidden where the meetings are listed below it (program pages), replaced by its
    // data-next text where they are not (the program list of the calendar index).
    each("[data-next]", function (line) {
      var chip = line.querySelector(".cal-status[data-date]");
      if (!chip || chip.getAttribute("data-date") >= today) return;
      var instead = line.getAttribute("data-next");
      if (instead) line.textContent = instead;
      else line.hidden = true;
    });
    // 「空きのある次の回」 whose meeting now says 受付終了 (the deadline passed since the build): it
    // has room, but no longer for anyone to apply.
    each("[data-next-room]", function (line) {
      if (line.querySelector(".cal-status--closed")) line.hidden = true;
    });
  }

  // The phone list has a section for the build day (今日 then) and for days with meetings; today
  // gets one too if it is in this month, and the build day's goes if nothing else was in it.
  function addTodayToPhoneList(built) {
    var list = document.querySelector(".cal-list");
    var month = document.querySelector("[data-month]");
    if (!list || !month || today.slice(0, 7) !== month.getAttribute("data-month")) return;
    var stale = list.querySelector('[data-day="' + built + '"][data-empty]');
    if (stale) stale.parentNode.removeChild(stale);
    if (list.querySelector('[data-day="' + today + '"]')) return;
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
    var later = Array.prototype.find.call(list.querySelectorAll("[data-day]"), function (day) {
      return day.getAttribute("data-day") > today;
    });
    list.insertBefore(section, later || null);
  }

  // 今日 on month pages: grid cells (td) and phone-list days (section, marked on their heading).
  function moveTodayMark() {
    each("[data-day]", function (day) {
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
    });
  }

  function warnOfStoppedUpdates(marked, built) {
    var note = document.createElement("p");
    note.className = "dir-build-age";
    note.setAttribute("role", "note");
    var contact = marked.getAttribute("data-contact") || "センター";
    var phone = marked.getAttribute("data-phone");
    note.appendChild(document.createTextNode("このページは" + window.directoryToday.label(built) + "の情報のまま、更新が止まっています。" +
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
    var title = document.querySelector(".md-content h1");
    if (title) title.parentNode.insertBefore(note, title.nextSibling);
  }

  updateStatuses();
  var marked = document.querySelector("[data-build-date]");
  if (!marked) return;
  var built = marked.getAttribute("data-build-date");
  if (built === today) return;
  addTodayToPhoneList(built);
  moveTodayMark();
  var daysOld = (Date.parse(today + "T00:00:00Z") - Date.parse(built + "T00:00:00Z")) / 86400000;
  if (daysOld > 2) warnOfStoppedUpdates(marked, built);
})();
