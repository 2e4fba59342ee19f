// Pages are static: "today" is the day of the build, and the deploy workflow rebuilds every
// morning at 06:05 so that past meetings turn 終了 and closed applications 受付終了. Between
// midnight and that rebuild, or if it stops (a failing build, a schedule GitHub turned off), the
// page would go on calling such meetings 募集中. Here, with today's date in Japan:
// * a status chip whose meeting day is past (data-date) reads 終了, and one whose program's
//   deadline is past (data-deadline) reads 受付終了, or 当日参加可 (data-walk-in); a past
//   "申し込みは…まで" note is hidden;
// * when the page's build date (data-build-date) is more than two days old, the page says at the
//   top that its updates have stopped.
(function () {
  "use strict";

  // Today in Asia/Tokyo as YYYY-MM-DD, whatever the phone's own time zone.
  function todayInJapan() {
    var parts = {};
    new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date())
      .forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  var today = todayInJapan();
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
    } else if (deadline && deadline < today) {
      if (chip.hasAttribute("data-walk-in")) setChip(chip, "当日参加可", "walk-in");
      else setChip(chip, "受付終了", "closed");
    }
  }
  var notes = document.querySelectorAll(".cal-deadline[data-deadline]");
  for (var j = 0; j < notes.length; j++) {
    if (notes[j].getAttribute("data-deadline") < today) notes[j].hidden = true;
  }

  var marked = document.querySelector("[data-build-date]");
  if (!marked) return;
  var built = marked.getAttribute("data-build-date");
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
    // The number stays on one line (dir-nowrap), as phone numbers do elsewhere on the site.
    var number = document.createElement("span");
    number.className = "dir-nowrap";
    number.textContent = phone;
    note.appendChild(document.createTextNode("（電話 "));
    note.appendChild(number);
    note.appendChild(document.createTextNode("）"));
  }
  note.appendChild(document.createTextNode("にお問い合わせください。"));
  var heading = document.querySelector(".md-content h1");
  if (heading && heading.parentNode) heading.parentNode.insertBefore(note, heading.nextSibling);
})();
