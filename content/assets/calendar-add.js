// "カレンダーに追加" on program pages: each meeting's link points at the program's ICS feed
// (calendar/<program>.ics) and names the meeting's UID in data-cal-uid. Here the feed is fetched
// (same origin), the one VEVENT with that UID is cut out with the feed's header and VTIMEZONE
// (less the subscribed calendar's name and refresh hints), and saved as data-cal-file. If anything
// fails the browser follows the link as it is (the whole feed), which is also what happens without
// JavaScript.
(function () {
  "use strict";
  var CRLF = "\r\n";
  var feeds = {};

  function fetchFeed(url) {
    if (!feeds[url]) {
      feeds[url] = window.fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      });
      feeds[url].catch(function () { delete feeds[url]; });
    }
    return feeds[url];
  }

  // The UID of a VEVENT block (physical lines, still folded), read from an unfolded copy.
  // Only the event's own UID counts, not one of a component inside it (such as VALARM).
  function blockUid(block) {
    var lines = block.join(CRLF).replace(/\r\n[ \t]/g, "").split(CRLF);
    var depth = 0;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (/^BEGIN:/i.test(line)) depth++;
      else if (/^END:/i.test(line)) depth--;
      else if (depth === 1 && /^UID[;:]/i.test(line)) return line.slice(line.indexOf(":") + 1);
    }
    return null;
  }

  // Properties of the feed as a subscribed calendar, not of one meeting. With X-WR-CALNAME, Outlook
  // opens a one-event file as a new calendar instead of adding the event (MS-OXCICAL: omit it for
  // a single appointment); a refresh interval means nothing to a one-time import.
  var SUBSCRIPTION_ONLY = /^(NAME|X-WR-CALNAME|X-WR-CALDESC|REFRESH-INTERVAL|X-PUBLISHED-TTL|SOURCE)[;:]/i;

  // The feed's header lines without those VCALENDAR properties (and their folded continuations).
  function eventHeader(lines) {
    var kept = [];
    var depth = 0;
    var skipping = false;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (/^[ \t]/.test(line)) {
        if (!skipping) kept.push(line);
        continue;
      }
      skipping = depth === 1 && SUBSCRIPTION_ONLY.test(line);
      if (/^BEGIN:/i.test(line)) depth++;
      else if (/^END:/i.test(line)) depth--;
      if (!skipping) kept.push(line);
    }
    return kept;
  }

  // A calendar with the feed's header (VCALENDAR properties but those above, VTIMEZONE) and the
  // one event with this UID, the event's lines kept as they are (folded); null when the feed has
  // no such event.
  function oneEvent(text, uid) {
    var lines = text.split(/\r\n|\n|\r/);
    var header = null;
    var block = null;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (block) {
        block.push(line);
        if (line === "END:VEVENT") {
          if (blockUid(block) === uid) return header.concat(block, ["END:VCALENDAR"]).join(CRLF) + CRLF;
          block = null;
        }
      } else if (line === "BEGIN:VEVENT") {
        if (!header) header = eventHeader(lines.slice(0, i));
        block = [line];
      }
    }
    return null;
  }

  function save(content, fileName) {
    var url = URL.createObjectURL(new Blob([content], { type: "text/calendar;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    // Some browsers start the download after the click returns: keep the URL for a while.
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  }

  var passThrough = null;

  function onClick(event) {
    var link = event.currentTarget;
    if (link === passThrough) {
      passThrough = null;
      return; // the fallback: the browser follows the link
    }
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!window.fetch || !window.Blob || !window.URL || !URL.createObjectURL) return;
    event.preventDefault();
    var uid = link.getAttribute("data-cal-uid");
    var fileName = link.getAttribute("data-cal-file") || "event.ics";
    fetchFeed(link.href)
      .then(function (text) {
        var content = oneEvent(text, uid);
        if (content === null) throw new Error("no event " + uid);
        save(content, fileName);
      })
      .catch(function () {
        passThrough = link;
        link.click();
      });
  }

  document.querySelectorAll("a[data-cal-uid]").forEach(function (link) {
    link.addEventListener("click", onClick);
  });
})();
