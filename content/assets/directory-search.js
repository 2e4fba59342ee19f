/* Directory search: the browser half of employer_directory.search.
 *
 * normalizeText / indexTerms / queryTerms mirror normalize.py and tokenize.py exactly; both are
 * tested on tests/fixtures/search_text_cases.json. The index is built at site build time by
 * lunr.py and only loaded here (lunr.Index.load): no index is built on the phone.
 * Result text is put into the page as DOM text nodes only, never as HTML.
 */
(function () {
  "use strict";

  // --- normalization and tokenization (keep in step with the Python side) ---------------

  var SMALL_KANA = "ぁぃぅぇぉっゃゅょゎゕゖ";
  var LARGE_KANA = "あいうえおつやゆよわかけ";
  var ITERATION_MARKS = { "ヽ": "ゝ", "ヾ": "ゞ" };
  // Voiced-sound marks fold together with the character before them (ﾊﾟ → ぱ).
  var VOICED_MARK = /[\u3099\u309a\uff9e\uff9f]/;
  var KANA_KANJI = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fd-\u30ff\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var RUN = new RegExp("[" + KANA_KANJI + "0-9a-z]+", "g");
  var ASCII_WORD = /[0-9a-z]+/g;
  var SEGMENT = new RegExp("[" + KANA_KANJI + "0-9]+", "g");
  var HAS_KANA_KANJI = new RegExp("[" + KANA_KANJI + "]");

  // The site's search words (extra.directory.search_words), folded by the build and embedded
  // in the search page: the same list the index was built with (SearchWords in normalize.py).
  var wordsElement = document.getElementById("dir-search-words");
  var SEARCH_WORDS = wordsElement ? JSON.parse(wordsElement.textContent) : [];
  var WORD_MEANS = new Map(SEARCH_WORDS);
  // One pass, longest word first at each position, like the Python side's alternation.
  var WORDS_PATTERN = SEARCH_WORDS.length ? new RegExp(SEARCH_WORDS.map(function (pair) { return pair[0]; })
    .sort(function (a, b) { return b.length - a.length; })
    .map(function (word) { return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); })
    .join("|"), "g") : null;

  function normalizeText(text) {
    var folded = foldText(text);
    return WORDS_PATTERN ? folded.replace(WORDS_PATTERN, function (word) { return WORD_MEANS.get(word); }) : folded;
  }

  // NFKC, lower case, katakana to hiragana, small kana to full size, ー dropped (fold_text).
  function foldText(text) {
    var folded = "";
    var lowered = String(text).normalize("NFKC").toLowerCase();
    for (var i = 0; i < lowered.length; i++) {
      var ch = lowered.charAt(i);
      var code = lowered.charCodeAt(i);
      if (code >= 0x30a1 && code <= 0x30f6) ch = String.fromCharCode(code - 0x60);
      else if (ITERATION_MARKS[ch]) ch = ITERATION_MARKS[ch];
      var small = SMALL_KANA.indexOf(ch);
      if (small >= 0) ch = LARGE_KANA.charAt(small);
      if (ch !== "ー") folded += ch;
    }
    return folded;
  }

  function matches(text, pattern) {
    return text.match(pattern) || [];
  }

  function segmentsOf(run) {
    return matches(run, SEGMENT).filter(function (segment) { return HAS_KANA_KANJI.test(segment); });
  }

  function bigrams(segment) {
    var out = [];
    for (var i = 0; i + 1 < segment.length; i++) out.push(segment.slice(i, i + 2));
    return out;
  }

  function indexTerms(text) {
    var terms = [];
    matches(normalizeText(text), RUN).forEach(function (run) {
      terms.push.apply(terms, matches(run, ASCII_WORD));
      segmentsOf(run).forEach(function (segment) {
        terms.push.apply(terms, bigrams(segment));
        terms.push(segment.charAt(segment.length - 1));
      });
    });
    return terms;
  }

  function queryTerms(text) {
    var seen = {};
    var terms = [];
    function add(term, prefix) {
      if (!Object.prototype.hasOwnProperty.call(seen, term)) {
        seen[term] = true;
        terms.push({ term: term, prefix: prefix });
      }
    }
    matches(normalizeText(text), RUN).forEach(function (run) {
      matches(run, ASCII_WORD).forEach(function (word) { add(word, false); });
      segmentsOf(run).forEach(function (segment) {
        if (segment.length === 1) add(segment, true);
        else bigrams(segment).forEach(function (bigram) { add(bigram, false); });
      });
    });
    return terms;
  }

  // --- search words typed part-way ------------------------------------------------------

  // What a query may still become. Search runs as people type, and a reading is replaced only
  // once it is typed whole: のうぎ, on the way to のうぎょう (農業), found nothing. So while the
  // query ends in kana (2 or more, folded) that begin one or more search words, each of their
  // meanings in place of that kana is searched too, and the results are the union. Union, not
  // nothing, when the kana begin several words (せい: 清掃 and 製造, しゅう: 収穫 and 就労):
  // every keystroke then only narrows what is shown (せい ⊇ せいそ ⊇ せいそう = 清掃), as a
  // one-character prefix or a name's reading typed part-way already do, instead of
  // "見つかりませんでした" flashing up until the last kana. No index change: the meanings are in the
  // index as the content writes them.
  var TRAILING_KANA = /[\u3041-\u3096]+$/;

  function queryReadings(text) {
    var folded = foldText(text);
    var part = typedPart(folded);
    if (!part) return [text];
    return [text].concat(part.meanings.map(function (meaning) { return folded.slice(0, part.start) + meaning; }));
  }

  // The words of a folded query that the search words replace whole (normalizeText), as
  // [start, end, means].
  function wholeWords(folded) {
    var whole = [];
    if (WORDS_PATTERN) folded.replace(WORDS_PATTERN, function (word, at) { whole.push([at, at + word.length, WORD_MEANS.get(word)]); return word; });
    return whole;
  }

  // Where the kana at the end of a folded query begin search words, and what those mean:
  // { start, meanings }, or null.
  function typedPart(folded) {
    var tail = folded.match(TRAILING_KANA);
    if (!tail || !SEARCH_WORDS.length) return null;
    // A word the query holds whole is replaced whole (normalizeText): the typed part may start
    // where it starts (りれきしょな: 履歴書不要 too, from りれきしょなし) or after it, not inside.
    var whole = wholeWords(folded);
    for (var start = tail.index; folded.length - start >= 2; start++) {
      var typed = folded.slice(start);
      // A search word typed whole (めんせつ) is what was meant: it is replaced, not also taken
      // as the start of the longer words it begins (面接なし, which 面接 finds anyway).
      if (whole.some(function (span) { return span[0] === start && span[1] === folded.length; })) return null;
      var inside = whole.some(function (span) { return span[0] < start && start < span[1]; });
      var meanings = [];
      SEARCH_WORDS.forEach(function (pair) {
        if (!inside && pair[0].length > typed.length && pair[0].lastIndexOf(typed, 0) === 0 && meanings.indexOf(pair[1]) < 0) meanings.push(pair[1]);
      });
      // The longest typed part that begins a word: the rest before it is as typed.
      if (meanings.length) return { start: start, meanings: meanings };
    }
    return null;
  }

  // --- days typed as words: lists, ranges, 平日 -------------------------------------------

  // 月水金, 火木 or 土日祝, a list of days as schedules write them, found nothing: the days are
  // indexed one by one (月曜日 in the days field). Such a word means an offer on any of its
  // days, as the 曜日 filter (どれかに受け入れがある) and 土日 already do, so the query is also
  // searched with each day in its place (月曜, 水曜, 金曜) and the results are the union. Only
  // days in the week's order (three or more may go on across Sunday, daysInOrder): the
  // two-kanji words 土木, 水月 or 日月 are not lists and are searched as typed only. 祝
  // (holidays) is no day of the filter and adds nothing.
  var WEEK = "月火水木金土日";
  // The days are the first group only: the 日 of a trailing 曜日 or 祝日 is no Sunday.
  var DAY_LIST = /^([月火水木金土日](?:[・、,\/]?[月火水木金土日])+)(?:曜日?)?(?:[・、,\/]?祝日?)?$/;
  // A range of days (月〜金, 月~金, 月-金, 月曜〜金曜) means the days in it, as a schedule writes
  // it; across the weekend too (金〜月, and 日〜土 for a week that starts on Sunday). Matched
  // before folding, which drops ー: an input method types 月-金 as 月ー金, which would otherwise
  // be the list 月金 (Monday and Friday only).
  // Written out too: 月から金, 月曜から金曜まで.
  var DAY_RANGE = /^([月火水木金土日])(?:曜日?)?(?:[〜~\-\u2010-\u2015\u2212ー]|から)([月火水木金土日])(?:曜日?)?(?:まで)?(?:[・、,\/]?祝日?)?$/;
  // One day kanji as a word of its own, as in 月 水 金 (a list typed with spaces), or a whole
  // day (月曜, 水曜日) as in 月曜 水曜.
  var SPACED_DAY = /^[月火水木金土日](曜日?)?[・、,\/]?$/;
  // Whole days typed as one word (月曜水曜, 月曜・水曜日, 月曜、水曜、祝日): a list as the spaced
  // whole days are, in any order. One whole day with 祝 (月曜・祝日, 日曜祝日) is that day, as
  // 土日祝 is 土日 (wholeDays).
  var WHOLE_DAYS = /^(?:[月火水木金土日]曜日?[・、,\/]?)+(?:祝日?)?$/;

  // The days of a list written in the week's order (月水金, 月・水・金), or null.
  function daysInOrder(text) {
    var list = DAY_LIST.exec(text);
    if (!list) return null;
    var days = list[1].split("").filter(function (ch) { return WEEK.indexOf(ch) >= 0; });
    // Three days or more may go on across the weekend (金土日月, 金 土 日 月), as a range does
    // (金〜月): each day after the one before, once round the week from the first. Not two:
    // 日月, 水月 or 土木 are words.
    var round = days.length >= 3 ? WEEK.length : 0;
    var first = WEEK.indexOf(days[0]);
    function place(day) { var at = WEEK.indexOf(day); return at < first ? at + round : at; }
    for (var i = 1; i < days.length; i++) {
      if (place(days[i]) <= place(days[i - 1])) return null;
    }
    return days;
  }

  // The days of a range, from its first day to its last, or null.
  function daysInRange(text) {
    var range = DAY_RANGE.exec(text);
    if (!range || range[1] === range[2]) return null;
    var days = [];
    for (var at = WEEK.indexOf(range[1]); ; at = (at + 1) % WEEK.length) {
      days.push(WEEK.charAt(at));
      if (WEEK.charAt(at) === range[2]) return days;
    }
  }

  // The days of a word typed as a list or a range of days, or null. Also after the search
  // words (normalizeText): 平日 is 月〜金 there (mkdocs.yml), 週末 is 土日.
  function dayList(word) {
    return rangeOfDays(word) || daysInOrder(normalizeText(word));
  }

  // The days of a word typed as a range (月〜金), or a search word for one (平日), or null.
  function rangeOfDays(word) {
    return daysInRange(String(word).normalize("NFKC").toLowerCase()) || daysInRange(normalizeText(word));
  }

  // The days of a word that is whole days only (WHOLE_DAYS), each once, or null. One day is a
  // list only with 祝 (月曜・祝日): alone (月曜, 日曜日) it is searched as typed.
  function wholeDays(word) {
    var text = String(word).normalize("NFKC");
    if (!WHOLE_DAYS.test(text)) return null;
    var days = once(text.match(/[月火水木金土日](?=曜)/g) || []);
    return days.length > 1 || /祝$|祝日$/.test(text) ? days : null;
  }

  // Each item of a list once, in the order first met.
  function once(list) {
    return list.filter(function (item, i) { return list.indexOf(item) === i; });
  }

  function queryWords(text) {
    return text.split(/\s+/).filter(Boolean);
  }

  // The query's words as { text, days, count, replaced, range }: days is what the word stands
  // for (dayList) or null, count how many typed words it is, replaced whether it is searched as
  // its days only or as typed too, range whether it was typed as a range of days (月〜金, 平日). As typed, a range is one-character words (月〜金: 月 and 金,
  // as 月 水 金 is), which never search the days and find a 土 (soil) and a 日 anywhere in a
  // text: a range (平日 too, a search word for 月〜金) and days typed with spaces are their days
  // only. A list typed as one word may be a name (水木): searched as typed too.
  //
  // Days typed with spaces are one item: a range with spaces around its mark (月 〜 金), or a
  // list of single day kanji (月 水 金) or whole days (月曜 水曜). A lone day kanji is searched
  // as a word (水: 水やり), so several of them side by side are nothing but a list of days:
  // read as the same list typed as one word (月水金), in the week's order only (daysInOrder);
  // whole days only, in any order (spacedDays).
  function dayItems(text) {
    var words = queryWords(text);
    var items = [];
    for (var at = 0; at < words.length; ) {
      var item = spacedDays(words, at);
      var whole = !item && wholeDays(words[at]);
      // Whole days typed as one word can be nothing but days: searched as its days only.
      if (whole) item = { text: words[at], days: whole, count: 1, replaced: true };
      if (!item) {
        var range = !!rangeOfDays(words[at]);
        item = { text: words[at], days: dayList(words[at]), count: 1, replaced: range, range: range };
      }
      items.push(item);
      at += item.count;
    }
    return items;
  }

  function spacedDays(words, at) {
    for (var count = 3; count >= 2; count--) {
      if (at + count > words.length) continue;
      var range = daysInRange(words.slice(at, at + count).join("").normalize("NFKC"));
      if (range) return { text: words.slice(at, at + count).join(" "), days: range, count: count, replaced: true, range: true };
    }
    var end = at;
    var whole = true;
    for (var day; end < words.length && (day = SPACED_DAY.exec(words[end].normalize("NFKC"))); end++) whole = whole && !!day[1];
    if (end - at < 2) return null;
    var typed = words.slice(at, end).map(function (word) { return word.normalize("NFKC").charAt(0); });
    // Whole days (月曜 水曜) each searched the days, but as two words, both were required:
    // an offer on 月 and one on 水. Typed side by side they mean any of them, as 月 水 and 月水
    // do; they can be nothing but days, so in any order.
    var days = whole ? once(typed) : daysInOrder(typed.join(""));
    return days && days.length > 1 ? { text: words.slice(at, end).join(" "), days: days, count: end - at, replaced: true } : null;
  }

  // The query as typed, then with each list or range of days replaced by one of its days
  // (X曜), every combination when it holds several; without the readings that keep a range or
  // spaced days as typed.
  function dayReadings(text) {
    return dayReadingsOf(text).map(function (reading) { return reading.text; });
  }

  // The same as { text, widened, days }: widened when a list searched as typed too (月水金, 週末)
  // is one of its days in this reading (for the status line); days the days put in its place
  // (for the times of day, timeReadingsOf).
  function dayReadingsOf(text) {
    var items = dayItems(text);
    var readings = [items.map(function (item) { return item.text; })];
    items.forEach(function (item, at) {
      if (!item.days) return;
      readings.forEach(function (words) {
        item.days.forEach(function (day) {
          var changed = words.slice();
          changed[at] = day + "曜";
          readings.push(changed);
        });
      });
    });
    return readings.filter(function (words) {
      return items.every(function (item, at) { return !item.replaced || words[at] !== item.text; });
    }).map(function (words) {
      var widened = items.some(function (item, at) { return item.days && !item.replaced && words[at] !== item.text; });
      var days = [];
      items.forEach(function (item, at) { if (item.days && words[at] !== item.text) days.push(words[at].charAt(0)); });
      return { text: words.join(" "), widened: widened, days: days };
    });
  }

  // --- times of day typed as words: 午前, 午後 -------------------------------------------

  // 午後 typed with 平日 found what writes 午後 only, while 平日 was read as 月〜金: the 時間帯
  // filter's 午後だけ (an offer that starts at 12:00 or later, TIMES_OF_DAY in documents.py) was
  // not searched. A word that is a time of day (午前, 午前中, 午後, 午後から; だけ or のみ too) is
  // searched as typed and also as that filter: the word left out, an offer that fits it
  // required. Not 朝 or 昼: they are in descriptions (朝の涼しい時間, 昼休み) and name no hours.
  var TIME_WORD = /^(午前|午後)(?:中|から|だけ|のみ)?$/;
  var TIME_OF_WORD = { "午前": "morning", "午後": "afternoon" };
  var TIME_SAID = { morning: "午前だけ", afternoon: "午後だけ" };

  // The time of day (morning, afternoon) a query word names, or null.
  function timeOfWord(word) {
    var time = TIME_WORD.exec(String(word).normalize("NFKC"));
    return time ? TIME_OF_WORD[time[1]] : null;
  }

  // A reading (dayReadingsOf) as typed, then with each time word left out and its time of day
  // required instead, every combination: [{ text, times }].
  function timeReadingsOf(text) {
    var readings = [{ words: [], times: [] }];
    queryWords(text).forEach(function (word) {
      var time = timeOfWord(word);
      var next = [];
      readings.forEach(function (reading) {
        next.push({ words: reading.words.concat([word]), times: reading.times });
        if (time) next.push({ words: reading.words, times: reading.times.concat([time]) });
      });
      readings = next;
    });
    return readings.map(function (reading) { return { text: reading.words.join(" "), times: reading.times }; });
  }

  // Whether an employer has an offer that fits each time of day, as the 時間帯 filter asks (one
  // offer of its own, search()): one of the offers the query names (見学 午後: an afternoon 見学,
  // not a morning 見学 beside an afternoon プチバイト) if it names any, on the reading's days too
  // (平日 午後 read as 月曜: a Monday afternoon, not a Monday morning beside a Saturday afternoon).
  function fitsTimes(e, times, days, named) {
    var offers = named.length ? named : e.offers;
    return times.every(function (time) {
      return offers.some(function (o) {
        var slot = (e.slots || {})[o];
        return !!slot && (slot.times || []).indexOf(time) >= 0 && days.every(function (day) { return (slot.days || []).indexOf(day) >= 0; });
      });
    });
  }

  // --- what the query was searched as, for the status line -------------------------------

  // A query widened (のうぎ: 農業 too) or with a word replaced (かいご: 介護) finds cards with
  // none of the typed letters; the status line says so, in the words as typed:
  // 『かいご』を『介護』として、『せい』を『清掃』か『製造』としてもさがしました. Empty when the
  // query was searched only as typed. A replaced word is always said (what was typed was not
  // searched as such); a widening only when `widened` says it found something (ラーメン, as
  // ラー + めん of めんせつ, is searched as ラー面接 too, which finds nothing and is no news).
  // Without `widened`, every widening is said.
  function querySaid(text, widened) {
    widened = widened || { days: true, part: true, times: true };
    var origins = foldWithOrigins(text);
    var folded = origins.folded;
    function typedAt(from, to) { return text.slice(origins.first[from], origins.last[to - 1] + 1); }
    function quoted(words) { return words.map(function (word) { return "『" + word + "』"; }).join("か"); }
    var said = [];
    function add(sentence) { if (said.indexOf(sentence) < 0) said.push(sentence); }
    var days = dayItems(text).filter(function (item) { return item.days; });
    var dayTexts = days.map(function (item) { return item.text; });
    wholeWords(folded).forEach(function (span) {
      var typed = typedAt(span[0], span[1]);
      // A search word for days (平日: 月〜金) is said as the days of the word that holds it
      // (平日, 平日祝), below.
      var saidAsDays = dayList(span[2]) && dayTexts.some(function (dayText) { return dayText.indexOf(typed) >= 0; });
      if (!saidAsDays) add(quoted([typed]) + "を" + quoted([span[2]]) + "として");
    });
    // Days searched instead of what was typed are always said, like a replaced word; days
    // searched as well only when they found something. A range of three days or more is said
    // as a range (『月曜〜金曜』のどれか), not day by day, which is long on a phone. 祝 (土日祝,
    // 平日祝) searched nothing: said once, after the rest, so nobody thinks holidays were searched.
    var holidays = false;
    days.forEach(function (item) {
      var range = item.range && item.days.length >= 3;
      var asDays = quoted([item.text]) + "を" + (range
        ? quoted([item.days[0] + "曜〜" + item.days[item.days.length - 1] + "曜"]) + "のどれか"
        : quoted(item.days.map(function (day) { return day + "曜"; })));
      if (!item.replaced && !widened.days) return;
      add(asDays + (item.replaced ? "として" : "としても"));
      holidays = holidays || item.text.indexOf("祝") >= 0;
    });
    if (widened.times !== false) {
      queryWords(text).forEach(function (word) {
        var time = timeOfWord(word);
        if (time) add(quoted([word]) + "を" + quoted([TIME_SAID[time]]) + "の時間帯としても");
      });
    }
    var part = typedPart(folded);
    if (part && widened.part) add(quoted([typedAt(part.start, folded.length)]) + "を" + quoted(part.meanings) + "としても");
    return said.length ? said.join("、") + "さがしました" + (holidays ? "（祝日ではさがせません）" : "") : "";
  }

  // --- the compact index (employer_directory/search/compact.py) -------------------------

  // Back to lunr's own serialization: a linear copy, no tokenizing, no scoring.
  function expandIndex(compact) {
    var fields = compact.fields;
    // Each field's vectors by document number: a phone spent half of this function building
    // and looking up "field/number" keys for every posting (1,000 employers: 250 ms, CPU ×4).
    var vectors = fields.map(function () {
      var perDocument = new Array(compact.documents);
      for (var d = 0; d < compact.documents; d++) perDocument[d] = [];
      return perDocument;
    });
    var inverted = new Array(compact.terms.length);
    for (var position = 0; position < compact.terms.length; position++) {
      var entry = { _index: position };
      var perField = compact.postings[position];
      for (var f = 0; f < fields.length; f++) {
        var postings = {};
        var flat = perField[f];
        var fieldVectors = vectors[f];
        var ref = 0;
        for (var i = 0; i < flat.length; i += 2) {
          ref += flat[i];
          postings[ref] = {};
          fieldVectors[ref].push(position, flat[i + 1] / 1000);
        }
        entry[fields[f]] = postings;
      }
      inverted[position] = [compact.terms[position], entry];
    }
    var fieldVectors = [];
    fields.forEach(function (field, f) {
      vectors[f].forEach(function (vector, d) { fieldVectors.push([field + "/" + d, vector]); });
    });
    return {
      version: compact.version,
      fields: fields,
      fieldVectors: fieldVectors,
      invertedIndex: inverted,
      pipeline: compact.pipeline
    };
  }

  window.DirectorySearch = { normalizeText: normalizeText, indexTerms: indexTerms, queryTerms: queryTerms, queryReadings: queryReadings, dayReadings: dayReadings, querySaid: querySaid, expandIndex: expandIndex };

  // --- the page -------------------------------------------------------------------------

  var form = document.getElementById("dir-search");
  if (!form || typeof lunr === "undefined") return;

  var PAGE_SIZE = 50;
  var FILTERS = ["category", "area", "offer", "accommodation", "time", "day"];
  var input = document.getElementById("dir-search-q");
  var status = document.getElementById("dir-search-status");
  var empty = document.getElementById("dir-search-empty");
  var toFiltersItem = document.getElementById("dir-search-to-filters-item");
  var results = document.getElementById("dir-search-results");
  var toResults = document.getElementById("dir-search-to-results");
  var more = document.getElementById("dir-search-more");
  // The counter packet's add button (search_page.html), cloned into every card.
  var packetAdd = document.getElementById("dir-search-packet-add");
  // The pause chip (受け入れ休止中) of each paused employer as the listing cards show it, made by
  // search_page.html (one <template data-paused-card> per paused employer, keyed by its url).
  var pausedChips = {};
  document.querySelectorAll("template[data-paused-card]").forEach(function (template) {
    pausedChips[template.getAttribute("data-paused-card")] = template;
  });
  var baseUrl = form.getAttribute("data-base-url");
  // The accommodations of which any one will do (search_page.html: fieldset data-either).
  var eitherIds = Array.prototype.map.call(form.querySelectorAll('fieldset[data-either] input[name="accommodation"]'), function (box) { return box.value; });
  // A one-character query (水*) searches these fields only, not the days (水曜日): PREFIX_FIELDS
  // in index.py.
  var prefixFields = (form.getAttribute("data-prefix-fields") || "").split(" ").filter(Boolean);
  var index = null;
  var store = null;
  var shown = PAGE_SIZE;
  var lastUrl = null;

  document.getElementById("dir-search-fallback").hidden = true;
  form.hidden = false;
  status.textContent = "読み込んでいます…";

  // ``started``: the request the page's own inline script already sent for ``url``, if any.
  function fetchJson(url, started) {
    return (started || fetch(url)).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  // Form state <-> URL query string.
  function stateFromForm() {
    var params = new URLSearchParams();
    var q = input.value.trim();
    if (q) params.set("q", q);
    FILTERS.forEach(function (name) {
      form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (box) { params.append(name, box.value); });
    });
    return params;
  }

  function formFromUrl() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    FILTERS.forEach(function (name) {
      var wanted = params.getAll(name);
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    });
  }

  function writeUrl(push) {
    var query = stateFromForm().toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    if (url === lastUrl) return;
    lastUrl = url;
    if (push) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }

  // Searching: each reading of the query (queryReadings) with every term required; a result
  // found by several keeps its best score and the words of each, to mark in its card.
  function hitsOf(terms) {
    return index.query(function (query) {
      terms.forEach(function (t) {
        var clause = {
          presence: lunr.Query.presence.REQUIRED,
          wildcard: t.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          usePipeline: false
        };
        if (t.prefix && prefixFields.length) clause.fields = prefixFields;
        query.term(t.term, clause);
      });
    });
  }

  // Each result also says whether a reading with days in place of a list of days, or with a
  // search word in place of the kana typed part-way, found it (for the status line).
  function search(params) {
    var q = params.get("q") || "";
    var found;
    if (q.trim()) {
      var byRef = {};
      found = [];
      var readings = [];
      dayReadingsOf(q).forEach(function (dayReading) {
        timeReadingsOf(dayReading.text).forEach(function (timeReading) {
          var readingsOfText = timeReading.text ? queryReadings(timeReading.text) : [""];
          readingsOfText.forEach(function (reading, partIndex) {
            readings.push({ text: reading, days: dayReading.widened, part: partIndex > 0, times: timeReading.times, onDays: dayReading.days });
          });
        });
      });
      // The offer types the query names as words of their own (見学, プチバイト), for fitsTimes.
      var named = Object.keys(store.vocabulary.offer).filter(function (id) {
        var label = normalizeText(store.vocabulary.offer[id]);
        return queryWords(q).some(function (word) { return normalizeText(word) === label; });
      });
      readings.forEach(function (reading) {
        var terms = queryTerms(reading.text);
        // Only punctuation: nothing can match. Nothing left but times of day (午後): every
        // employer that fits them.
        var hits;
        if (terms.length) hits = hitsOf(terms);
        else if (reading.times.length && !reading.text.trim()) hits = store.employers.map(function (e, ref) { return { ref: String(ref), score: 0 }; });
        else return;
        var words = highlightWords(reading.text);
        hits.forEach(function (hit) {
          var e = store.employers[Number(hit.ref)];
          if (reading.times.length && !fitsTimes(e, reading.times, reading.onDays, named)) return;
          var result = byRef[hit.ref];
          if (!result) {
            result = byRef[hit.ref] = { employer: e, score: hit.score, words: [], days: false, part: false, times: false };
            found.push(result);
          }
          result.score = Math.max(result.score, hit.score);
          result.words = result.words.concat(words);
          result.days = result.days || reading.days;
          result.part = result.part || reading.part;
          result.times = result.times || reading.times.length > 0;
        });
      });
      found.sort(function (a, b) { return b.score - a.score; });
    } else {
      found = store.employers.map(function (e) { return { employer: e, words: [] }; });
    }
    var any = function (name, values) { return !params.getAll(name).length || params.getAll(name).some(function (v) { return values.indexOf(v) >= 0; }); };
    // Days and hours: one offer must itself fit both, one of the chosen types if types are
    // chosen (a morning 就労体験 is no answer to 就労体験 + 午後だけ), else any (a Monday
    // afternoon and a Tuesday morning are no answer to 月 + 午前だけ).
    var fitsWhen = function (e) {
      if (!(params.getAll("time").length || params.getAll("day").length)) return true;
      var chosen = params.getAll("offer");
      return (chosen.length ? chosen : e.offers).some(function (o) {
        var slot = (e.slots || {})[o];
        return !!slot && any("time", slot.times || []) && any("day", slot.days || []);
      });
    };
    // Accommodations: each chosen one must hold, except those of an either-or group (通い方の
    // 配慮: 送迎あり, 駅から近い), of which one will do.
    var chosenAccommodations = params.getAll("accommodation");
    var eitherAccommodations = chosenAccommodations.filter(function (id) { return eitherIds.indexOf(id) >= 0; });
    var allAccommodations = chosenAccommodations.filter(function (id) { return eitherIds.indexOf(id) < 0; });
    var fitsAccommodations = function (e) {
      var has = function (id) { return e.accommodations.indexOf(id) >= 0; };
      return allAccommodations.every(has) && (!eitherAccommodations.length || eitherAccommodations.some(has));
    };
    return found.filter(function (result) {
      var e = result.employer;
      return any("category", [e.category]) && any("area", [e.area]) && any("offer", e.offers) &&
        fitsAccommodations(e) && fitsWhen(e);
    });
  }

  // Highlighting: mark where a normalized query word occurs in the normalized text, mapped
  // back to the original characters. Only text nodes and <mark> elements are created.
  function highlightWords(q) {
    return matches(normalizeText(q), RUN).filter(function (word) { return word.length > 0; });
  }

  // Text folded one character at a time (with its voiced-sound mark), remembering which
  // original characters each folded one came from (first[i] to last[i]).
  function foldWithOrigins(text) {
    var folded = "";
    var first = [];
    var last = [];
    for (var i = 0; i < text.length; ) {
      var width = 1;
      while (i + width < text.length && VOICED_MARK.test(text.charAt(i + width))) width++;
      var piece = foldText(text.substr(i, width));
      for (var k = 0; k < piece.length; k++) { folded += piece.charAt(k); first.push(i); last.push(i + width - 1); }
      i += width;
    }
    return { folded: folded, first: first, last: last };
  }

  // Which characters of a card's text the words mark: marked[i] is true for each.
  function markedIn(text, words) {
    // The card's text folded (foldWithOrigins); then the search words replaced, a
    // replacement standing for all the characters of its word: 障害 or 付添 in a card is
    // 障がい or 付き添い in the query's words, and none of their characters alone says so.
    var origins = foldWithOrigins(text);
    var folded = origins.folded;
    var first = origins.first;
    var last = origins.last;
    var normal = "";
    var originFirst = [];
    var originLast = [];
    var copied = 0;
    function copyUpTo(end) {
      for (; copied < end; copied++) { normal += folded.charAt(copied); originFirst.push(first[copied]); originLast.push(last[copied]); }
    }
    if (WORDS_PATTERN) {
      folded.replace(WORDS_PATTERN, function (word, at) {
        copyUpTo(at);
        var meaning = WORD_MEANS.get(word);
        for (var m = 0; m < meaning.length; m++) { normal += meaning.charAt(m); originFirst.push(first[at]); originLast.push(last[at + word.length - 1]); }
        copied = at + word.length;
        return word;
      });
    }
    copyUpTo(folded.length);
    var marked = new Array(text.length);
    function mark(within, from, to, word) {
      var at = within.indexOf(word);
      while (at >= 0) {
        for (var j = from[at]; j <= to[at + word.length - 1]; j++) marked[j] = true;
        at = within.indexOf(word, at + 1);
      }
    }
    words.forEach(function (word) {
      mark(normal, originFirst, originLast, word);
      // The text as written too: the index holds it (field_terms in tokenize.py), so that a
      // word typed part-way (こだまぶつ, not yet こだまぶつりゅう) finds it, and is marked.
      mark(folded, first, last, word);
    });
    return marked;
  }

  // The words that mark something in the text.
  function wordsIn(text, words) {
    return words.filter(function (word) { return markedIn(text, [word]).some(Boolean); });
  }

  function appendHighlighted(parent, text, words) {
    var marked = markedIn(text, words);
    var start = 0;
    for (var p = 1; p <= text.length; p++) {
      if (p === text.length || !!marked[p] !== !!marked[start]) {
        var chunk = document.createTextNode(text.slice(start, p));
        if (marked[start]) {
          var mark = document.createElement("mark");
          mark.appendChild(chunk);
          parent.appendChild(mark);
        } else {
          parent.appendChild(chunk);
        }
        start = p;
      }
    }
  }

  function element(tag, className, parent) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (parent) parent.appendChild(node);
    return node;
  }

  function labelled(parent, className, label, values, words) {
    if (!values.length) return;
    var line = element("p", className, parent);
    element("span", "dir-label", line).appendChild(document.createTextNode(label));
    line.appendChild(document.createTextNode(" "));
    appendHighlighted(line, values.join("、"), words);
  }

  // The bring list and the tasks' cautions are searched (body text in index.py) but not on the
  // card, so a card found by 長靴 or 脚立 alone showed no such word. For the query's words that
  // the card shows nowhere else, one line with what holds them, as the data writes it: the
  // items of the bring list (持ち物: 長靴), else the sentences of a caution (注意: 脚立に乗る作業は
  // 慣れてからです), and the parts of the address and the way there that hold them (場所: しらかば市
  // 北町2-8-11). Nothing for a card whose words are all on it already.
  var SENTENCE_END = /。/;

  // `days`: the card's 曜日 line, where a word marks as dayWordsOf says (月曜: 月).
  // `otherNotes`: with offer types chosen, the schedule notes of the employer's other offers,
  // as [offer name, note]: a card found by 週3日 that shows its 就労体験 only says 「プチバイトの
  // 日程: 週3日から」, so that nobody takes the 週3日 for the 就労体験's.
  function whyFound(article, e, words, shown, days, otherNotes) {
    var unseen = words.filter(function (word) {
      return !shown.some(function (text) { return wordsIn(text, [word]).length; }) && !(days && wordsIn(days, dayWordsOf([word])).length);
    });
    if (!unseen.length) return;
    var bring = (e.bring || []).filter(function (item) { return wordsIn(item, unseen).length; });
    var explained = bring.length ? wordsIn(bring.join("\n"), unseen) : [];
    var left = unseen.filter(function (word) { return explained.indexOf(word) < 0; });
    var sentences = [];
    (e.cautions || []).forEach(function (caution) {
      caution.split(SENTENCE_END).forEach(function (sentence) {
        if (sentence && wordsIn(sentence, left).length && sentences.indexOf(sentence) < 0) sentences.push(sentence);
      });
    });
    var notes = (otherNotes || []).filter(function (offerNote) { return wordsIn(offerNote[1], unseen).length; });
    // The address, the nearest station or stop, the access note: only the parts with the word.
    var place = (e.place || []).filter(function (text) { return wordsIn(text, unseen).length; });
    if (!bring.length && !sentences.length && !notes.length && !place.length) return;
    var line = element("p", "dir-card__why", article);
    var parts = notes.map(function (offerNote) { return [offerNote[0] + "の日程:", offerNote[1], unseen]; });
    parts.concat([["持ち物:", bring.join("、"), explained], ["注意:", sentences.join("。"), left], ["場所:", place.join("　"), unseen]]).forEach(function (part) {
      if (!part[1]) return;
      if (line.firstChild) line.appendChild(document.createTextNode("　"));
      element("span", "dir-label", line).appendChild(document.createTextNode(part[0]));
      line.appendChild(document.createTextNode(" "));
      appendHighlighted(line, part[1], part[2]);
    });
  }

  // What the words mark in a card's 曜日 line (月・水・金（9:00〜12:00）).
  function dayWordsOf(words) {
    // A one-character word (水) does not find the days (PREFIX_FIELDS in index.py), so it is not
    // marked in them either: the card was found for a 水 written elsewhere.
    var dayWords = words.filter(function (word) { return word.length > 1; });
    // A day searched as 水曜 (typed, or from a list of days such as 月水金) is 水 in this line.
    words.forEach(function (word) {
      var day = /^([月火水木金土日])曜/.exec(word);
      if (day) dayWords.push(day[1]);
    });
    return dayWords;
  }

  // A copy of the employer's pause chip, or null: none, or its last day has passed since the
  // build (the daily rebuild stopped), as build-age.js hides it on the other pages.
  function pauseChip(url) {
    var template = pausedChips[url];
    return template ? window.directoryToday.copyUnlessOver(template) : null;
  }

  // Each offer's days, hours and schedule note (documents.py: slots), in the ladder's order.
  function slotsOf(e) {
    return e.offers.map(function (id) { return (e.slots || {})[id] || {}; });
  }

  // "9:00〜12:00" as [540, 720], minutes from midnight.
  function minutesOf(hours) {
    return hours.split("〜").map(function (time) { var hm = time.split(":"); return Number(hm[0]) * 60 + Number(hm[1]); });
  }

  // The card's 曜日 line with no offer type chosen: all offers' days, and their hours, each once,
  // earliest first (月・水・金（9:00〜12:00、13:00〜15:00）).
  function generalWhen(e) {
    if (!e.days.length) return "";
    var hours = once(slotsOf(e).map(function (slot) { return slot.hours; }).filter(Boolean)).sort(function (a, b) {
      var x = minutesOf(a);
      var y = minutesOf(b);
      return x[0] - y[0] || x[1] - y[1];
    });
    return e.days.join("・") + (hours.length ? "（" + hours.join("、") + "）" : "");
  }

  // Whether the offers that have days or hours have different ones. The general line then
  // joined them (月・水・金（9:00〜12:00、13:00〜15:00）) and nobody could tell which hours were
  // the 見学's and which the プチバイト's, so the card gives each offer its own line instead.
  // An offer with neither (雇用, 日にちは相談して決めます) is in no line, as it was not in that one.
  function timesDiffer(slots) {
    return once(slots.filter(function (slot) { return (slot.days || []).length || slot.hours; }).map(function (slot) {
      return (slot.days || []).join("") + " " + (slot.hours || "");
    })).length > 1;
  }

  // One offer's days and hours as the employer page's table writes them (月・水・金曜 9:00〜12:00),
  // and its note apart; nothing at all is 日にちは相談して決めます, as sheet ② says.
  // `days` (without its 曜) and `hours` are the parts of `when`, for the card to mark a day as the
  // general line does (土, not 土曜 for a search of 土曜) and to keep the hours on one line.
  function offerWhen(slot) {
    var days = (slot.days || []).join("・");
    var hours = slot.hours || "";
    var when = [days ? days + "曜" : "", hours].filter(Boolean).join(" ");
    if (!when && !slot.note) return { when: "日にちは相談して決めます", days: "", hours: "", note: "" };
    return { when: when, days: days, hours: hours, note: slot.note ? (when ? "（" + slot.note + "）" : slot.note) : "" };
  }

  // An offer line's days and hours (offerWhen), its days marked as in the general line.
  function appendOfferWhen(line, text, dayWords) {
    if (!text.days && !text.hours) {
      if (text.when) line.appendChild(document.createTextNode(text.when));
      return;
    }
    if (text.days) {
      appendHighlighted(line, text.days, dayWords);
      line.appendChild(document.createTextNode("曜" + (text.hours ? " " : "")));
    }
    // 8:00〜12:00 broke after the 〜 on a phone; a range is read whole.
    if (text.hours) appendHighlighted(element("span", "dir-card__hours", line), text.hours, dayWords);
  }

  // `chosen`: the offer types chosen in the filter. A card then shows those offers' own days
  // and hours, each on a line labelled with the offer (就労体験: 月・水・金曜 9:00〜12:00（6月〜10月）),
  // not the employer's: with 就労体験 chosen, hours that were only its 見学's read as the 就労体験's.
  // With none chosen, the card shows the same lines for all its offers when their days or hours
  // differ (timesDiffer), else the one general 曜日 line and the 日程 line.
  function card(e, words, chosen) {
    var vocabulary = store.vocabulary;
    // The card's texts, each shown once below; whyFound looks in them all.
    var category = vocabulary.category[e.category] || "";
    var area = vocabulary.area[e.area] || "";
    var offerNames = e.offers.map(function (id) { return vocabulary.offer[id] || id; });
    var accommodations = e.accommodations.map(function (id) { return vocabulary.accommodation[id] || id; });
    var slots = slotsOf(e);
    var chosenOffers = e.offers.filter(function (id) { return chosen.indexOf(id) >= 0; });
    // The offers with a line of their own: the chosen ones; with none chosen and times that
    // differ, each offer with days, hours or a note (the note goes on its line, not in 日程).
    var lineOffers = chosenOffers.length ? chosenOffers : timesDiffer(slots) ? e.offers.filter(function (id, i) {
      return (slots[i].days || []).length || slots[i].hours || slots[i].note;
    }) : [];
    // Each note once, in the ladder's order: the general 日程 line, or with offer lines the
    // other offers' notes (whyFound), each with its offer's name.
    var notes = once(slots.map(function (slot) { return slot.note; }).filter(Boolean));
    var otherNotes = [];
    e.offers.forEach(function (id, i) {
      if (lineOffers.length && lineOffers.indexOf(id) < 0 && slots[i].note) otherNotes.push([offerNames[i], slots[i].note]);
    });
    var article = element("article", "dir-card");
    var heading = element("h2", "dir-card__name", article);
    var link = element("a", "", heading);
    link.href = baseUrl + e.url;
    appendHighlighted(link, e.name, words);
    var meta = element("p", "dir-card__meta", article);
    var paused = pauseChip(e.url);
    if (paused) {
      meta.appendChild(paused);
      meta.appendChild(document.createTextNode(" "));
    }
    appendHighlighted(element("span", "dir-chip dir-chip--category", meta), category, words);
    meta.appendChild(document.createTextNode(" "));
    appendHighlighted(element("span", "", meta), area, words);
    var offers = element("p", "dir-card__offers", article);
    element("span", "dir-label", offers).appendChild(document.createTextNode("受け入れ:"));
    offerNames.forEach(function (name) {
      offers.appendChild(document.createTextNode(" "));
      appendHighlighted(element("span", "dir-chip", offers), name, words);
    });
    labelled(article, "dir-card__tasks", "できる作業:", e.tasks, words);
    labelled(article, "dir-card__accommodations", "配慮:", accommodations, words);
    var when = "";
    var shownNotes = notes;
    if (lineOffers.length) {
      shownNotes = [];
      // Offers with the same days, hours and note share one line (見学・就労体験: 火・木曜 …).
      var lines = [];
      lineOffers.forEach(function (id) {
        var slot = slots[e.offers.indexOf(id)];
        var text = offerWhen(slot);
        var same = lines.filter(function (line) { return line.text.when === text.when && line.text.note === text.note; })[0];
        if (same) same.ids.push(id);
        else lines.push({ ids: [id], text: text, note: slot.note });
      });
      lines.forEach(function (offerLine) {
        var text = offerLine.text;
        var line = element("p", "dir-card__days dir-card__days--offer", article);
        line.setAttribute("data-offer", offerLine.ids.join(" "));
        var names = offerLine.ids.map(function (id) { return vocabulary.offer[id] || id; });
        element("span", "dir-label", line).appendChild(document.createTextNode(names.join("・") + ":"));
        line.appendChild(document.createTextNode(" "));
        appendOfferWhen(line, text, dayWordsOf(words));
        if (text.note) appendHighlighted(line, text.note, words);
        when += text.when + "\n";
        if (offerLine.note) shownNotes.push(offerLine.note);
      });
    } else {
      when = generalWhen(e);
      if (when) labelled(article, "dir-card__days", "曜日:", [when], dayWordsOf(words));
      labelled(article, "dir-card__notes", "日程:", notes, words);
    }
    whyFound(article, e, words, [e.name, category, area].concat(offerNames, e.tasks, accommodations, shownNotes), when, otherNotes);
    // packet.js labels, shows and wires the button.
    if (packetAdd) {
      var add = packetAdd.content.firstElementChild.cloneNode(true);
      add.setAttribute("data-packet-add", e.url.split("/").filter(Boolean).pop());
      add.setAttribute("data-packet-name", e.name);
      article.appendChild(add);
    }
    return article;
  }

  function render() {
    var params = new URLSearchParams(window.location.search);
    var found = search(params);
    results.textContent = "";
    var chosenOffers = params.getAll("offer");
    found.slice(0, shown).forEach(function (result) { results.appendChild(card(result.employer, result.words, chosenOffers)); });
    more.hidden = found.length <= shown;
    empty.hidden = found.length > 0;
    var q = (params.get("q") || "").trim();
    toFiltersItem.hidden = !q;
    toResults.textContent = found.length ? found.length + "事業所を見る" : "見つかりません（さがし方のヒントを見る）";
    toResults.hidden = false;
    var filtered = FILTERS.some(function (name) { return params.has(name); });
    var about = q ? "「" + q + "」" + (filtered ? "と選んだ条件" : "") : (filtered ? "選んだ条件" : "");
    var line;
    if (!about) line = "登録されている " + found.length + " 事業所をすべて表示しています";
    else if (found.length) line = about + "で " + found.length + " 事業所が見つかりました";
    else line = about + "に合う事業所は見つかりませんでした";
    // One change of the live region (role="status" reads it whole), so the count and what was
    // searched are announced together, once.
    var widened = {
      days: found.some(function (result) { return result.days; }),
      part: found.some(function (result) { return result.part; }),
      times: found.some(function (result) { return result.times; })
    };
    var said = q ? querySaid(q, widened) : "";
    var lines = [document.createTextNode(line)];
    if (said) {
      var saidLine = element("span", "dir-search__said");
      saidLine.textContent = said;
      lines.push(saidLine);
    }
    // Words that did not change are not written again: Enter after the search as typed had
    // run (or もっと見る, or the back button to the same search) made screen readers read the
    // same line a second time (WCAG 4.1.3: a status is read once).
    var text = lines.map(function (node) { return node.textContent; }).join("");
    if (status.textContent !== text) status.replaceChildren.apply(status, lines);
    results.setAttribute("data-rendered", params.toString());
    document.dispatchEvent(new CustomEvent("directory:cards-rendered"));
    return found.length;
  }

  // History: the first keystroke of a new query adds an entry, later ones replace it, so that
  // the back button returns to the previous search rather than to each letter typed.
  var typingTimer = null;
  var typingEntry = false;
  function searchAsTyped() {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(function () {
      shown = PAGE_SIZE;
      writeUrl(!typingEntry);
      typingEntry = true;
      render();
    }, 150);
  }
  // Japanese is typed through an input method: か, かい, かいg … until 介護 is chosen. Searching
  // each of those would rewrite the URL and make screen readers announce results for "かいg", so
  // the search waits until the conversion is done.
  input.addEventListener("input", function (event) {
    if (!event.isComposing) searchAsTyped();
  });
  input.addEventListener("compositionend", searchAsTyped);
  // A search the reader chose (a box ticked, the filters cleared, the words taken away): a new
  // entry of the history, from the first page of results.
  function searchAnew() {
    shown = PAGE_SIZE;
    typingEntry = false;
    writeUrl(true);
    render();
  }
  form.addEventListener("change", function (event) {
    if (event.target === input) return;
    searchAnew();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    shown = PAGE_SIZE;
    writeUrl(!typingEntry);
    typingEntry = false;
    render();
  });
  document.getElementById("dir-search-clear").addEventListener("click", function () {
    form.querySelectorAll('input[type="checkbox"]').forEach(function (box) { box.checked = false; });
    searchAnew();
  });
  // From the help under no results (search_page.html): the typed words go, and the filters
  // open with the focus on their summary, where the hours, days and offers are chosen.
  document.getElementById("dir-search-to-filters").addEventListener("click", function () {
    window.clearTimeout(typingTimer);
    input.value = "";
    searchAnew();
    var filters = document.getElementById("dir-search-filters");
    filters.open = true;
    filters.querySelector("summary").focus();
  });
  // From the end of the filters to what they found: the first card's name, else the help,
  // at the top of the screen (focus alone scrolls it only just into view, at the bottom).
  toResults.addEventListener("click", function () {
    var first = results.querySelector(".dir-card__name a");
    (first ? results : empty).scrollIntoView({ block: "start" });
    (first || empty).focus({ preventScroll: true });
  });
  more.addEventListener("click", function () {
    shown += PAGE_SIZE;
    render();
    var cards = results.querySelectorAll(".dir-card a");
    if (cards[shown - PAGE_SIZE]) cards[shown - PAGE_SIZE].focus();
  });
  window.addEventListener("popstate", function () {
    formFromUrl();
    lastUrl = window.location.pathname + window.location.search;
    typingEntry = false;
    shown = PAGE_SIZE;
    render();
  });

  // Where the reader is in the results, kept in this history entry for the way back.
  function keepPlace() {
    var state = Object.assign({}, window.history.state, { dirScroll: window.scrollY, dirShown: shown });
    window.history.replaceState(state, "");
  }
  results.addEventListener("click", keepPlace);
  window.addEventListener("pagehide", keepPlace);

  formFromUrl();
  // Filters start open on wide screens or when the link carries some; on a phone the results
  // stay near the top.
  if (window.matchMedia("(min-width: 60em)").matches || FILTERS.some(function (name) { return new URLSearchParams(window.location.search).has(name); })) {
    document.getElementById("dir-search-filters").open = true;
  }
  lastUrl = window.location.pathname + window.location.search;
  var started = window.directorySearchFetches || [];
  Promise.all([fetchJson(form.getAttribute("data-index-url"), started[0]), fetchJson(form.getAttribute("data-documents-url"), started[1])])
    .then(function (loaded) {
      index = lunr.Index.load(expandIndex(loaded[0]));
      store = loaded[1];
      var kept = window.history.state || {};
      if (kept.dirShown) shown = kept.dirShown;
      render();
      // Back from an employer page: the results came after the browser restored the scroll
      // position (unless it kept the whole page in memory), so go back to where the reader was.
      if (kept.dirScroll) window.scrollTo(0, kept.dirScroll);
      form.setAttribute("data-ready", "true");
    })
    .catch(function () {
      status.textContent = "検索の準備ができませんでした。一覧からさがしてください。";
      document.getElementById("dir-search-fallback").hidden = false;
    });
})();
