// The 404 page (overrides/404.html): when the address names an employer or a program by a URL
// name close to one of theirs (typed by hand from the URL printed on a sheet: shirakaba-farn,
// or cut short: shirakaba-fa), offer the page it meant, keeping sheets.html and its #seeker.
// The names are fetched (not-found.json) only for such an address.
(function () {
  "use strict";
  var root = document.querySelector("[data-not-found]");
  if (!root || !window.fetch) return;
  var base = new URL(root.getAttribute("data-base-url"), window.location.href);
  var path = window.location.pathname;
  if (path.indexOf(base.pathname) !== 0) return;
  var rest = path.slice(base.pathname.length);
  try { rest = decodeURIComponent(rest); } catch (error) { /* a broken %-escape: read it as it is */ }
  // The section typed in upper case or singular (Employers/, program/) is read as meant.
  var address = /^(employers?|programs?)\/([^\/]+)(?:\/(sheets\.html)?)?/i.exec(rest);
  if (!address) return;
  var section = address[1].toLowerCase().charAt(0) === "e" ? "employers" : "programs";
  var typed = address[2].normalize("NFKC").toLowerCase().replace(/\.html?$/, "").replace(/[_\s]+/g, "-");

  // Levenshtein distance (insert, delete, replace one character).
  function distance(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      row[0] = i;
      for (j = 1; j <= b.length; j++) {
        var above = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  }

  // Close: a few characters apart (one in four of the longer), or the start of a URL name cut
  // off (at least four characters). The three closest.
  // Both employers and programs: a program's URL name typed below employers/ (or the other way
  // round) is offered in its own section; at the same distance, the section typed comes first.
  function guesses(catalogue) {
    var records = [];
    ["employers", "programs"].forEach(function (kind) {
      // A sheet printed before a rename carries a former URL name: it is matched too, the guess
      // being the page now.
      (catalogue[kind] || []).forEach(function (record) {
        [record.slug].concat(record.former || []).forEach(function (name) {
          records.push({ kind: kind, slug: record.slug, typedAs: name, name: record.name });
        });
      });
    });
    // A name typed in Japanese (employers/しらかば農園/): the page whose name holds it.
    var typedName = /[^\x00-\x7f]/.test(typed) ? typed.replace(/[-\s]+/g, "") : "";
    var best = {};
    records.forEach(function (record) {
      var apart = distance(typed, record.typedAs);
      var cut = typed.length >= 4 && record.typedAs.indexOf(typed) === 0;
      var guess = { record: record, apart: cut ? 0 : apart, other: record.kind === section ? 0 : 1, close: cut || apart <= Math.max(1, Math.floor(Math.max(typed.length, record.typedAs.length) / 4)) };
      var name = record.name.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
      if (typedName.length >= 2 && name.indexOf(typedName) !== -1) {
        guess.apart = name === typedName ? 0 : 1;
        guess.close = true;
      }
      var key = record.kind + "/" + record.slug;  // one guess per page, its closest URL name
      if (guess.close && (!best[key] || guess.apart < best[key].apart)) best[key] = guess;
    });
    return Object.keys(best).map(function (key) { return best[key]; }).sort(function (a, b) { return a.apart - b.apart || a.other - b.other; }).slice(0, 3);
  }

  function show(found) {
    if (!found.length) return;
    var list = root.querySelector("[data-not-found-list]");
    var item = root.querySelector("[data-not-found-item]");
    found.forEach(function (guess) {
      var entry = item.content.firstElementChild.cloneNode(true);
      var link = entry.querySelector("a");
      // Only employers have a sheets.html; a program's guess is its page.
      var sheets = address[3] && guess.record.kind === "employers" ? "sheets.html" : "";
      link.href = new URL(guess.record.kind + "/" + guess.record.slug + "/" + sheets, base).href + (sheets || guess.record.kind === section ? window.location.hash : "");
      link.textContent = guess.record.name;
      list.appendChild(entry);
    });
    root.hidden = false;
    // Told to a screen reader (overrides/404.html): the box appeared above what it is reading.
    var status = document.querySelector("[data-not-found-status]");
    if (status) {
      status.textContent = root.querySelector("#not-found-guess").textContent + " " +
        found.map(function (guess) { return guess.record.name; }).join("、");
    }
  }

  fetch(new URL(root.getAttribute("data-catalogue"), window.location.href), { credentials: "same-origin" })
    .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
    .then(function (catalogue) { show(guesses(catalogue)); })
    .catch(function () { /* no list: the page's own links still lead on */ });
}());
