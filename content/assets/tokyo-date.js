// Today's date in Japan (Asia/Tokyo), whatever the device's time zone. Shared by the scripts that
// compare it with the dates pages carry (build-age.js, sheet.js, packet.js, directory-search.js) and
// print it (sheet.js).
window.directoryToday = (function () {
  "use strict";
  var WEEKDAYS = "日月火水木金土";

  function parts() {
    var found = {};
    new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date())
      .forEach(function (part) { found[part.type] = part.value; });
    return found;
  }

  return {
    // YYYY-MM-DD, as in the pages' data-date attributes.
    iso: function () {
      var p = parts();
      return p.year + "-" + p.month + "-" + p.day;
    },
    // 2026年4月8日(水), as the site writes dates: today's, or that of a YYYY-MM-DD date.
    label: function (isoDate) {
      var p = isoDate ? { year: isoDate.slice(0, 4), month: isoDate.slice(5, 7), day: isoDate.slice(8, 10) } : parts();
      var year = Number(p.year), month = Number(p.month), day = Number(p.day);
      var weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
      return year + "年" + month + "月" + day + "日(" + WEEKDAYS.charAt(weekday) + ")";
    },
    // What is told until a day, a closure of the centre (data-closed-until) or an employer's pause
    // (受け入れ休止, data-paused-until): UNTIL finds it, and isOver says its last day has passed
    // (before ``today``, YYYY-MM-DD, or before today's date), so that it is left off.
    UNTIL: "[data-closed-until], [data-paused-until]",
    isOver: function (element, today) {
      var until = element.getAttribute("data-closed-until") || element.getAttribute("data-paused-until");
      return Boolean(until) && until < (today || this.iso());
    },
    // A copy of a <template>'s element (a pause chip) to put on a card, or null once its last day
    // has passed (isOver): the search cards and the counter packet's list draw them this way.
    copyUnlessOver: function (template) {
      var copy = template.content.firstElementChild.cloneNode(true);
      return this.isOver(copy) ? null : copy;
    }
  };
})();
