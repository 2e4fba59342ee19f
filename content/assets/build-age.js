// Pages are static: "today" is the day of the build, and the deploy workflow rebuilds every
// morning so that past meetings turn 終了. If that rebuild stops (a failing build, a schedule that
// GitHub turned off), the pages would go on calling past meetings 募集中. Here, when the page's
// build date (data-build-date) is more than two days before today in Japan, the page says so at
// the top, and every status chip of a meeting whose day is past (data-date) reads 終了.
(function () {
  "use strict";
  var marked = document.querySelector("[data-build-date]");
  if (!marked) return;
  var built = marked.getAttribute("data-build-date");
  // Today in Asia/Tokyo as YYYY-MM-DD (en-CA formats dates that way), whatever the phone's zone.
  var today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  var days = (Date.parse(today + "T00:00:00Z") - Date.parse(built + "T00:00:00Z")) / 86400000;
  if (!(days > 2)) return;

  var chips = document.querySelectorAll(".cal-status[data-date]");
  for (var i = 0; i < chips.length; i++) {
    if (chips[i].getAttribute("data-date") < today) {
      chips[i].textContent = "終了";
      chips[i].className = "cal-status cal-status--ended";
    }
  }

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
