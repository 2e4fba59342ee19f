// A heading whose phrase is longer than a line (with the text at 200 % a phone's line holds four
// to eight characters of a heading) was cut by Chromium wherever the line ended, inside a word:
// 「さくら交通警 / 備」, 「ひが / し台りんご園」, 「給食セン / ター」. Headings break between
// phrases (word-break: auto-phrase, directory.css); only where that still cut a word, this script
// marks the places between the heading's words where it may break (<wbr>), and the heading
// breaks only there (keep-all, directory.css): 「さくら交通 / 警備」. A single word longer than
// a line is still cut (overflow-wrap: anywhere), as the last resort. Headings that break well are left as they are, and so is
// the text that a screen reader reads. Search result cards are handled as they are drawn. A
// program's name in the calendar (.cal-program: the index's lists, the month's grid and day list)
// follows the date and time on the same line and was cut alike: 「はた / らく準備のひろば」; so
// was a meeting's theme after it (.cal-theme, the session title): 「見て聞いて感 / じて」.
(function () {
  "use strict";
  if (!window.Intl || !Intl.Segmenter) return;
  var words = new Intl.Segmenter("ja", { granularity: "word" });
  var HEADINGS = ".md-content :is(h1, h2, h3, h4, .cal-program, .cal-theme)";
  // A short run of hiragana is a particle or a word's ending (の, に, から, ます): it stays with
  // the word before it, and a word may begin after it. Longer ones (さがす, みつば, きのこ) are
  // words of their own; so are words of two or more kanji or katakana. A single kanji after a
  // word is most often its suffix (事業|所, ひがし|台, りんご|園): no break before it.
  var ENDING = /^[\u3041-\u309f\u30fc]{1,2}$/;
  // What ICU's dictionary splits off around a lone kanji or hiragana is often not a word, and a
  // line must not begin there:
  // - a single hiragana, even after an ending (聞|い|て): it is a particle or an ending, and goes
  //   with what is before it (「見て聞い / て感じて」 was);
  // - inside a run of kanji, a lone kanji between two words is the head of the word after it
  //   rather than a suffix: ICU splits some compounds on the wrong side (職場|見|学会 for
  //   職場|見学|会), and the line may break before the lone kanji, not after it: 「職場 / 見学会」,
  //   never 「職場見 / 学会」. After kana it is a suffix as before (あおば|台|病院, ひがし|台|りんご);
  // - a lone kanji that begins the text or follows a bracket, a mark or a space heads the word
  //   after it (「選|ばれる」 was cut 「選 / ばれる」).
  // (Two hiragana after an ending may still begin a line, 「継続した / から」: each break taken
  // away makes a longer run that a narrow line must cut anywhere.)
  var PARTICLE = /^[\u3041-\u309f]$/;
  var LONE_KANJI = /^\p{Script=Han}$/u;
  var KANJI_FIRST = /^\p{Script=Han}/u;
  var KANJI_LAST = /\p{Script=Han}$/u;

  // Whether parts[k] is a lone kanji between two words inside a run of kanji (職場|見|学会).
  function headOfKanjiWord(parts, k) {
    var before = parts[k - 1], after = parts[k + 1];
    return k > 0 && !!after && LONE_KANJI.test(parts[k].segment) && before.isWordLike && KANJI_LAST.test(before.segment)
      && after.isWordLike && KANJI_FIRST.test(after.segment);
  }

  // Whether a line may begin before the word parts[k].
  function breaksBefore(parts, k) {
    if (k === 0 || !parts[k].isWordLike) return false;
    var word = parts[k].segment, before = parts[k - 1].segment;
    if (PARTICLE.test(word)) return false;
    if (headOfKanjiWord(parts, k)) return true;
    if (headOfKanjiWord(parts, k - 1)) return false;
    if (LONE_KANJI.test(before) && (k < 2 || !parts[k - 2].isWordLike)) return false;
    return word.length > 1 && !ENDING.test(word) || ENDING.test(before);
  }

  function textNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    return nodes;
  }

  // Whether the heading takes more than one line: its first and last characters' tops. Most
  // headings fit one line, and this spares measuring each of their characters (the pamphlet and
  // the search page have hundreds of headings, measured again at every change of size).
  function onOneLine(heading) {
    var nodes = textNodes(heading).filter(function (node) { return /\S/.test(node.data); });
    if (!nodes.length) return true;
    var head = nodes[0], tail = nodes[nodes.length - 1];
    var from = head.data.search(/\S/), to = tail.data.search(/\S\s*$/);
    var range = document.createRange();
    range.setStart(head, from);
    range.setEnd(head, from + 1);
    var first = range.getClientRects()[0];
    range.setStart(tail, to);
    range.setEnd(tail, to + 1);
    var end = range.getClientRects()[0];
    return !first || !end || Math.abs(end.top - first.top) <= 2;
  }

  // Whether a line of the heading starts inside a word.
  function cutInsideAWord(heading) {
    var chars = [];
    textNodes(heading).forEach(function (node) {
      for (var i = 0; i < node.data.length; i++) chars.push([node, i]);
    });
    var text = chars.map(function (c) { return c[0].data[c[1]]; }).join("");
    var starts = new Set(Array.from(words.segment(text), function (s) { return s.index; }));
    var range = document.createRange();
    var top = null;
    for (var k = 0; k < chars.length; k++) {
      range.setStart(chars[k][0], chars[k][1]);
      range.setEnd(chars[k][0], chars[k][1] + 1);
      var box = range.getClientRects()[0];
      if (!box) continue;
      if (top !== null && box.top > top + 2 && !starts.has(k)) return true;
      top = box.top;
    }
    return false;
  }

  function markWordBreaks(heading) {
    textNodes(heading).forEach(function (node) {
      var parts = Array.from(words.segment(node.data));
      var marked = false;
      var pieces = [];
      parts.forEach(function (s, k) {
        if (breaksBefore(parts, k)) {
          pieces.push(document.createElement("wbr"));
          marked = true;
        }
        pieces.push(s.segment);
      });
      if (marked) node.replaceWith.apply(node, pieces);
    });
    heading.setAttribute("data-word-breaks", "");
  }

  function mend() {
    document.querySelectorAll(HEADINGS).forEach(function (heading) {
      if (heading.hasAttribute("data-word-breaks")) return;
      if (heading.checkVisibility ? !heading.checkVisibility() : !heading.getClientRects().length) return;
      if (!onOneLine(heading) && cutInsideAWord(heading)) markWordBreaks(heading);
    });
  }

  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; mend(); });
  }
  // Again whenever the page's text changes size: the phone turned, the text made larger, the
  // search page's cards drawn.
  var content = document.querySelector(".md-content");
  if (content && window.ResizeObserver) new ResizeObserver(later).observe(content);
  else mend();
})();
