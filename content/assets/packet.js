// Counter packet (印刷リスト on screen): a list of employers kept in this browser (localStorage),
// "add" buttons on employer pages and listings, and the packet page that fetches the chosen
// sheets from their own (same-origin, static) pages and prints them one per page.
// Without JavaScript the buttons stay hidden; each sheet page can still be printed alone.
(function () {
  "use strict";
  var STORAGE_KEY = "kyoryoku-packet-v1";
  var KINDS = ["seeker", "staff"];
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  // One wording, wherever a saved list or a link names an employer the site no longer lists (its
  // listing ended, or it was renamed past what the site forwards): the words above an empty list,
  // the notice over a colleague's link and the status line. Plain enough for a family member.
  var ENDED = "掲載が終わった事業所";

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}");
      return {
        slugs: Array.isArray(saved.slugs) ? saved.slugs.filter(function (s) { return SLUG.test(s); }) : [],
        kinds: normaliseKinds(saved.kinds),
      };
    } catch (error) {
      return { slugs: [], kinds: KINDS.slice() };
    }
  }

  function save(state) {
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state)); } catch (error) { /* private mode: list lasts for this page only */ }
  }

  function normaliseKinds(kinds) {
    var list = Array.isArray(kinds) ? kinds : String(kinds || "").split(",");
    var chosen = KINDS.filter(function (kind) { return list.indexOf(kind) !== -1; });
    return chosen.length ? chosen : KINDS.slice();
  }

  // Whether two lists name the same employers, in any order.
  function sameEmployers(some, others) {
    return some.slice().sort().join(",") === others.slice().sort().join(",");
  }

  // A list saved, or a link shared, before an employer's file was renamed holds its former URL
  // name: each one under its name now (renamed: former → now), each employer once.
  function namesNow(slugs, renamed) {
    return slugs.map(function (slug) {
      return Object.prototype.hasOwnProperty.call(renamed, slug) ? renamed[slug] : slug;
    }).filter(function (slug, i, all) { return all.indexOf(slug) === i; });
  }

  // --- employer pages and listings ------------------------------------------------------

  // The add buttons of renamed employers name their former URL names (data-packet-former): the
  // saved list takes the names now, as the packet page does, so the button says the employer is in it.
  function adoptRenamed(state) {
    var renamed = {};
    document.querySelectorAll("[data-packet-former]").forEach(function (button) {
      button.getAttribute("data-packet-former").split(" ").forEach(function (former) { renamed[former] = button.getAttribute("data-packet-add"); });
    });
    var now = namesNow(state.slugs, renamed);
    if (now.join(",") !== state.slugs.join(",")) {
      state.slugs = now;
      save(state);
    }
    return state;
  }

  function updateAddButtons(state) {
    adoptRenamed(state);
    document.querySelectorAll("[data-packet-add]").forEach(function (button) {
      var inList = state.slugs.indexOf(button.getAttribute("data-packet-add")) !== -1;
      // 印刷リスト: a word a family understands (the former name was the counter staff's own). Both
      // labels stay on one line in a result card at 320 px (「…に入っています（外す）」 took two).
      button.textContent = inList ? "✓ 印刷リストにあります（外す）" : "＋ 印刷リストに入れる";
      // A listing has one such button per employer: its accessible name says which employer.
      var name = button.getAttribute("data-packet-name");
      if (name) button.setAttribute("aria-label", button.textContent + "：" + name);
      button.classList.toggle("is-in-packet", inList);
      button.hidden = false;
    });
    document.querySelectorAll("[data-packet-link]").forEach(function (link) {
      link.hidden = false;
      link.querySelectorAll("[data-packet-count]").forEach(function (count) { count.textContent = String(listedCount(state.slugs)); });
    });
  }

  // The count on the link is what the packet page will show: a saved employer whose listing
  // ended (its file deleted) is dropped there, so it is not counted here. Only the packet page
  // knows every listed employer; other pages fetch the 404 page's small catalogue
  // (not-found.json: URL names and former ones, about 2 KB per 25 employers) once, and only when
  // the list holds an employer this page does not show. Until it is in (or if it cannot be
  // fetched), every saved one counts.
  var listed = null;
  var fetchingListed = false;
  function listedCount(slugs) {
    if (!listed) {
      var shown = {};
      document.querySelectorAll("[data-packet-add]").forEach(function (button) { shown[button.getAttribute("data-packet-add")] = true; });
      if (slugs.some(function (slug) { return !shown[slug]; })) fetchListed();
      return slugs.length;
    }
    return namesNow(slugs, listed.renamed).filter(function (slug) { return listed.slugs[slug]; }).length;
  }

  function fetchListed() {
    var link = document.querySelector("[data-packet-catalogue-url]");
    if (fetchingListed || !link || !window.fetch) return;
    fetchingListed = true;
    fetch(link.getAttribute("data-packet-catalogue-url"), { credentials: "same-origin" })
      .then(function (response) { if (!response.ok) throw new Error(response.url); return response.json(); })
      .then(function (catalogue) {
        var slugs = {};
        var renamed = {};
        catalogue.employers.forEach(function (e) {
          slugs[e.slug] = true;
          (e.former || []).forEach(function (former) { renamed[former] = e.slug; });
        });
        listed = { slugs: slugs, renamed: renamed };
        updateAddButtons(load());
      })
      .catch(function () { /* offline: the count stays that of the saved list */ });
  }

  // The focus stays on the pressed button; the polite status (packet_macros.html) says what
  // happened and the new count. Each message differs from the one before (in, out, count), so
  // pressing again is read out again.
  function announceAdded(name, added, count) {
    var region = document.querySelector("[data-packet-announce]");
    if (!region) return;
    var what = added ? "印刷リストに入れました" : "印刷リストから外しました";
    region.textContent = (name ? name + "を" : "") + what + "（" + count + "件）";
  }

  // One listener for the whole page: the search page draws its result cards (and their add
  // buttons) after this script has run, and draws them again on every search.
  function wireAddButtons() {
    if (!document.querySelector("[data-packet-add], [data-packet-link]")) return;
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-packet-add]");
      if (!button) return;
      var state = load();
      var slug = button.getAttribute("data-packet-add");
      var at = state.slugs.indexOf(slug);
      if (at === -1) {
        state.slugs.push(slug);
      } else {
        state.slugs.splice(at, 1);
      }
      save(state);
      updateAddButtons(state);
      announceAdded(button.getAttribute("data-packet-name"), at === -1, state.slugs.length);
    });
    document.addEventListener("directory:cards-rendered", function () { updateAddButtons(load()); });
    // The same list open in another tab (a listing there, the packet page here): changed there,
    // this page's buttons and count follow.
    window.addEventListener("storage", function (event) {
      if (event.key === STORAGE_KEY || event.key === null) updateAddButtons(load());
    });
    // Back to this page from the packet page (the browser's back button): the page comes back as
    // it was left (back/forward cache), its buttons saying an employer since taken out is still
    // in, whose button would then put it back in. They are read again from the saved list.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) updateAddButtons(load());
    });
    updateAddButtons(load());
  }

  // --- the packet page --------------------------------------------------------------------
  function PacketPage(root) {
    this.root = root;
    this.base = new URL(root.getAttribute("data-base-url"), window.location.href);
    var catalogue = JSON.parse(root.querySelector("[data-packet-catalogue]").textContent);
    this.names = {};
    var names = this.names;
    catalogue.employers.forEach(function (e) { names[e.slug] = e.name; });
    this.renamed = catalogue.renamed || {};
    this.list = root.querySelector("[data-packet-list]");
    this.itemTemplate = root.querySelector("[data-packet-item]");
    this.sheets = root.querySelector("[data-packet-sheets]");
    this.status = root.querySelector("[data-packet-status]");
    this.heading = root.querySelector("#packet-list-title");
    this.share = root.querySelector("[data-packet-share]");
    // The packet's own print button and the toolbar's (sheets/sheet_base.html, wired by sheet.js).
    this.printButton = root.querySelector("[data-packet-print]");
    this.printButtons = [this.printButton].concat(Array.prototype.slice.call(document.querySelectorAll("[data-print-button]")));
    this.printLabels = this.printButtons.map(function (button) { return button.textContent; });
    this.renderToken = 0;
    this.sharedBox = root.querySelector("[data-packet-shared]");
    this.sharedText = root.querySelector("[data-packet-shared-text]");
    this.goneBox = root.querySelector("[data-packet-gone]");
    this.goneText = root.querySelector("[data-packet-gone-text]");
    this.viewing = false;
    this.state = this.initialState();
  }

  PacketPage.prototype.initialState = function () {
    var state = load();
    var params = new URLSearchParams(window.location.search);
    if (params.has("e")) {
      // A shared link rebuilds its list of employers and becomes this browser's list. Which
      // sheets to print stays this browser's choice; a link copied before that change still
      // carries one (s=) and opens with it.
      var linked = params.get("e").split(",").filter(function (s, i, all) { return SLUG.test(s) && all.indexOf(s) === i; });
      // The address bar holds the set's link after every change (renderLink): reloaded, or
      // opened again from a bookmark, it names the employers this browser saved. Only a link
      // naming others came from someone else (start's words for an employer no longer listed).
      this.shared = !sameEmployers(namesNow(linked, this.renamed), namesNow(state.slugs, this.renamed));
      // A colleague's link is shown, not saved, when this browser has a list of its own (other
      // employers): a counsellor who set six aside for tomorrow lost them by opening it. The
      // notice at the top (renderShared) offers to save it, add it, or go back to the saved list.
      var own = this.listedNow(state.slugs);
      this.viewing = own.length > 0 && !sameEmployers(own, this.listedNow(linked));
      state.slugs = linked;
      // The sheet choice made while viewing a colleague's link is not saved (the saved list keeps
      // its own): renderLink keeps it with this page's entry in the history, where a reload or a
      // way back to the link finds it.
      var kept = this.viewing && window.history.state && window.history.state.packetKinds;
      if (kept) state.kinds = normaliseKinds(kept);
      else if (params.has("s")) state.kinds = normaliseKinds(params.get("s"));
    }
    var names = this.names;
    var now = namesNow(state.slugs, this.renamed);  // saved so by start
    state.slugs = now.filter(function (slug) { return Object.prototype.hasOwnProperty.call(names, slug); });
    // An employer no longer listed (its listing ended) leaves the list; start says so, so that a
    // counsellor who saved three does not wonder where the third went.
    this.gone = now.length - state.slugs.length;
    // None of them listed any more: the list would be empty with nothing said (renderGone).
    this.allGone = this.gone > 0 && !state.slugs.length;
    // How many of a colleague's link are gone, for its notice (renderShared): the address names
    // only those shown after the first load (renderLink), so a reload finds the number with this
    // entry of the history, where the sheet choice is kept too.
    var earlier = this.viewing && window.history.state && Number(window.history.state.packetGone);
    this.linkGone = this.gone + (earlier > 0 ? earlier : 0);
    return state;
  };

  // The names now of those still listed (the packet page knows every listed employer).
  PacketPage.prototype.listedNow = function (slugs) {
    var names = this.names;
    return namesNow(slugs, this.renamed).filter(function (slug) { return Object.prototype.hasOwnProperty.call(names, slug); });
  };

  // A sheet choice in the words of its radio button (packet.html): 「③支援員向け」.
  PacketPage.prototype.kindsLabel = function (kinds) {
    var radio = this.root.querySelector("input[name='packet-kinds'][value='" + kinds.join(",") + "']");
    return radio ? radio.parentNode.textContent.trim() : "";
  };

  PacketPage.prototype.syncKinds = function () {
    var kinds = this.state.kinds.join(",");
    this.root.querySelectorAll("input[name='packet-kinds']").forEach(function (radio) { radio.checked = radio.value === kinds; });
  };

  // The notice over a colleague's link: how many it shows, and that the saved list is kept.
  // A link of which some employers are no longer listed says so here too: the notice is what is
  // read first (the status line says it as well, below).
  PacketPage.prototype.renderShared = function () {
    this.sharedBox.hidden = !this.viewing || this.showsGone();
    if (this.sharedBox.hidden) return;
    this.sharedText.textContent = "共有されたリンクの事業所（" + this.state.slugs.length + "件）を表示しています。" +
      (this.linkGone ? "リンクにあったほかの " + this.linkGone + " 件は、" + ENDED + "なので、表示していません。" : "") +
      "あなたが保存していたリスト（" + this.listedNow(load().slugs).length + "件）はそのままです。";
  };

  // Whether the page stands on a list none of whose employers is listed any more (and nothing
  // chosen since): it says so in place of the empty list's 「まだ選ばれていません」.
  PacketPage.prototype.showsGone = function () {
    return this.allGone && !this.state.slugs.length;
  };

  // How many, whose (a colleague's link or this browser's list), and the way on: back to the
  // saved list (while it is kept apart from the link), or the directory (packet.html).
  PacketPage.prototype.renderGone = function () {
    var shown = this.showsGone();
    this.goneBox.hidden = !shown;
    this.root.querySelector("[data-packet-empty]").hidden = shown || this.state.slugs.length > 0;
    if (!shown) return;
    this.goneText.textContent = (this.shared ? "共有されたリンクの " : "保存していたリストの ") + this.gone + " 件は、" +
      (this.gone > 1 ? "どれも" : "") + ENDED + "なので、表示できません。" +
      (this.viewing ? "あなたが保存していたリスト（" + this.listedNow(load().slugs).length + "件）はそのままです。" : "");
    this.root.querySelector("[data-packet-gone-back]").hidden = !this.viewing;
  };

  // Leaving the link's view by one of the notice's buttons: the list becomes the saved one, and
  // the keyboard goes to the list's heading (the notice, and the pressed button, are gone).
  PacketPage.prototype.leaveShared = function (slugs, kinds, message) {
    this.viewing = false;
    this.allGone = false;
    this.state = { slugs: slugs, kinds: kinds };
    this.syncKinds();
    this.renderShared();
    this.changed(message, { heading: true });
  };

  PacketPage.prototype.wireShared = function () {
    var page = this;
    // Saved with the sheet choice shown (perhaps one made on the link's view): the message says
    // both, so that the saved list's ② or ③ does not change unsaid.
    this.root.querySelector("[data-packet-shared-keep]").addEventListener("click", function () {
      page.leaveShared(page.state.slugs, page.state.kinds, "共有されたリンクの事業所（" + page.state.slugs.length + "件）と、印刷するシートの選び方（" +
        page.kindsLabel(page.state.kinds) + "）を保存しました。前に保存していたリストと置き換えました");
    });
    // Added to the saved list, the employers take its sheet choice: one made on the link's view
    // was for printing the link, not a change to the saved list (the radios show its choice again).
    this.root.querySelector("[data-packet-shared-merge]").addEventListener("click", function () {
      var stored = load();
      var own = page.listedNow(stored.slugs);
      var added = page.state.slugs.filter(function (slug) { return own.indexOf(slug) === -1; });
      var kindsKept = stored.kinds.join(",") === page.state.kinds.join(",") ? "" : "。印刷するシートは保存していたリストの選び方です";
      page.leaveShared(own.concat(added), stored.kinds, "保存していたリストに " + added.length + " 件を加えました（" + (own.length + added.length) + "件）" + kindsKept);
    });
    // In the notice, and in the words for a link whose employers are all gone (packet.html).
    this.root.querySelectorAll("[data-packet-shared-back]").forEach(function (back) {
      back.addEventListener("click", function () {
        var stored = load();
        page.leaveShared(page.listedNow(stored.slugs), stored.kinds, "保存していたリストに戻りました");
      });
    });
  };

  PacketPage.prototype.start = function () {
    var page = this;
    this.root.querySelector("[data-packet-controls]").hidden = false;
    this.root.querySelectorAll("input[name='packet-kinds']").forEach(function (radio) {
      radio.checked = radio.value === page.state.kinds.join(",");
      radio.addEventListener("change", function () {
        page.state.kinds = normaliseKinds(radio.value);
        page.changed("印刷するシートを変えました");
      });
    });
    this.printButton.addEventListener("click", function () { if (page.isReady()) window.print(); });
    this.root.querySelector("[data-packet-clear]").addEventListener("click", function () {
      page.state.slugs = [];
      page.changed("リストを空にしました");
    });
    this.root.querySelector("[data-packet-copy]").addEventListener("click", function () {
      page.share.select();
      if (navigator.clipboard) navigator.clipboard.writeText(page.share.value).catch(function () {});
      page.status.textContent = "リンクをコピーしました";
    });
    // The list changed in another tab (an employer added on a listing there): this page takes it,
    // else its next change here (a move, a removal) would save its old list over that one.
    window.addEventListener("storage", function (event) {
      if (event.key === STORAGE_KEY || event.key === null) page.adoptStored();
    });
    // Back here (back/forward cache) after adding or taking out employers on their pages: Chromium
    // sends the storage event on the way back, which other browsers may not do.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) page.adoptStored();
    });
    // A shared link's recipient saved nothing: the line names where the employers came from (a
    // reloaded link of this browser's own list is the saved list).
    var from = this.shared ? "共有されたリンクのうち " : "保存していたリストのうち ";
    this.wireShared();
    // All of them gone, the words above the empty list say it (and take the focus).
    this.changed(this.gone && !this.allGone ? from + this.gone + " 件は、" + ENDED + "なので、リストから外しました" : "");
    // Opened on a colleague's link: the notice is what the counsellor must read first.
    if (this.showsGone()) this.goneText.focus();
    else if (this.viewing) this.sharedText.focus();
  };

  PacketPage.prototype.adoptStored = function () {
    var stored = load();
    var slugs = this.listedNow(stored.slugs);
    if (this.viewing) {
      // The link's list stays on screen; the saved one changed elsewhere (another tab, or the
      // employers' pages before coming back here): the notice counts it. Saved there as shown
      // here (or emptied there), there is nothing left to keep apart.
      if (slugs.length && !sameEmployers(slugs, this.state.slugs)) {
        this.renderShared();
        return;
      }
      this.viewing = false;
      this.renderShared();
      if (!slugs.length) {
        this.changed("保存していたリストが空になったので、表示しているリストを保存しました");
        return;
      }
    }
    if (slugs.join(",") === this.state.slugs.join(",") && stored.kinds.join(",") === this.state.kinds.join(",")) return;
    this.state = { slugs: slugs, kinds: stored.kinds };
    this.syncKinds();
    // Not saved again here: the other tab's list is the stored one.
    this.renderList();
    this.renderLink();
    this.lastMessage = "ほかのタブやページで変えたリストにしました";
    this.renderSheets();
  };

  // Viewing a colleague's link, nothing is saved: edits and the sheet choice apply to what is
  // shown (and printed) here, until 「このリストを保存する」 or 「保存していたリストに加える」.
  PacketPage.prototype.changed = function (message, focus) {
    if (!this.viewing) save(this.state);
    this.renderShared();
    this.renderList(focus);
    this.renderLink();
    this.lastMessage = message;
    this.renderSheets();
  };

  // Printing before every chosen sheet is in the page would print a blank or partial packet:
  // the print button stays disabled, and says so, from the start of each fetch to its end.
  PacketPage.prototype.isReady = function () {
    return this.sheets.getAttribute("aria-busy") !== "true" && this.sheets.hasAttribute("data-loaded") && this.state.slugs.length > 0;
  };

  PacketPage.prototype.setLoading = function (loading) {
    var page = this;
    this.sheets.setAttribute("aria-busy", String(loading));
    this.printButtons.forEach(function (button, index) {
      button.textContent = loading ? "読み込んでいます…" : page.printLabels[index];
      button.disabled = !page.isReady();
    });
  };

  PacketPage.prototype.announce = function (text) {
    // The status line is role="status" (polite): read out after what the user is doing.
    this.status.textContent = [this.lastMessage, text].filter(Boolean).join("。");
  };

  PacketPage.prototype.renderList = function (focus) {
    var page = this;
    var slugs = this.state.slugs;
    this.list.replaceChildren();
    slugs.forEach(function (slug, index) {
      var item = page.itemTemplate.content.firstElementChild.cloneNode(true);
      var name = page.names[slug];
      item.setAttribute("data-slug", slug);
      item.querySelector(".packet-item__name").textContent = name;
      page.addPauseChip(item, slug);
      var up = item.querySelector("[data-move='up']");
      var down = item.querySelector("[data-move='down']");
      var remove = item.querySelector("[data-remove]");
      up.setAttribute("aria-label", name + "を上へ");
      down.setAttribute("aria-label", name + "を下へ");
      remove.setAttribute("aria-label", name + "を外す");
      up.disabled = index === 0;
      down.disabled = index === slugs.length - 1;
      up.addEventListener("click", function () { page.move(index, -1, "up"); });
      down.addEventListener("click", function () { page.move(index, 1, "down"); });
      remove.addEventListener("click", function () {
        page.state.slugs.splice(index, 1);
        // The button is gone: keep the keyboard in the list (next item, else the heading).
        var next = page.state.slugs[Math.min(index, page.state.slugs.length - 1)];
        page.changed(name + "を外しました", next ? { slug: next, direction: "remove" } : { heading: true });
      });
      page.list.appendChild(item);
    });
    this.renderGone();
    // Nothing to clear: 「リストを空にする」 is off, and its note (its description) says why. It
    // comes back on with the first employer chosen (here, or in another tab: adoptStored).
    var clear = this.root.querySelector("[data-packet-clear]");
    var note = this.root.querySelector("[data-packet-clear-note]");
    // Nothing to print or send: the sheet choice, the print buttons (also the toolbar's) and the
    // set's link are hidden, and 「印刷されるシート」 with them; the empty list's words say how to
    // choose (packet.html). They come back with the first employer chosen.
    var chosen = this.root.querySelector("[data-packet-chosen]");
    var active = document.activeElement;
    var wasFocused = active === clear || chosen.contains(active) || this.printButtons.indexOf(active) !== -1;
    clear.disabled = !slugs.length;
    note.hidden = slugs.length > 0;
    if (slugs.length) clear.removeAttribute("aria-describedby"); else clear.setAttribute("aria-describedby", note.id);
    chosen.hidden = !slugs.length;
    this.root.querySelector("[data-packet-sheets-title]").hidden = !slugs.length;
    this.printButtons.forEach(function (button) { button.hidden = !slugs.length; });
    // A disabled or hidden control loses the focus (to the page's top): the keyboard stays in the list.
    if (wasFocused && !slugs.length && !focus) focus = { heading: true };
    if (focus && focus.heading) {
      this.heading.focus();
    } else if (focus) {
      var selector = focus.direction === "remove" ? "[data-remove]" : "[data-move='" + focus.direction + "']";
      var item = this.list.querySelector("[data-slug='" + focus.slug + "']");
      // The same button if it is still usable, else the item's first usable one.
      var target = item && (item.querySelector(selector + ":not([disabled])") || item.querySelector("button:not([disabled])"));
      if (target) target.focus();
    }
  };

  // A paused employer's chip (packet.html's templates) after its name in the list: its sheets
  // say so at their top, far below; the list is what the counsellor reads before printing.
  PacketPage.prototype.addPauseChip = function (item, slug) {
    var template = this.root.querySelector("template[data-packet-paused='" + slug + "']");
    var chip = template && window.directoryToday.copyUnlessOver(template);
    if (!chip) return;
    var name = item.querySelector(".packet-item__name");
    name.appendChild(document.createTextNode(" "));
    name.appendChild(chip);
  };

  PacketPage.prototype.move = function (index, step, direction) {
    var slugs = this.state.slugs;
    var target = index + step;
    if (target < 0 || target >= slugs.length) return;
    var slug = slugs[index];
    slugs.splice(index, 1);
    slugs.splice(target, 0, slug);
    // Keep the keyboard where it was: on the same button of the item that moved.
    this.changed(this.names[slug] + "を" + (target + 1) + "番目にしました", { slug: slug, direction: direction });
  };

  // The set's link names its employers only. The sheet choice (②, ③ or both) is what this
  // counsellor prints now: a link copied after printing ③ alone once opened at the colleague's
  // desk with ③ only, where the whole set was meant.
  PacketPage.prototype.query = function () {
    return "?e=" + this.state.slugs.join(",");
  };

  // An empty set has no link to send: the page's bare address would open the colleague's own
  // saved list, not an empty one. The box stays empty and the copy button off until one is chosen.
  // While a colleague's link is viewed, its sheet choice goes with this entry of the history
  // (initialState): not into the link, and not over the saved list's choice; so does the number
  // of the link's employers no longer listed, which the notice over it tells.
  PacketPage.prototype.renderLink = function () {
    var query = this.state.slugs.length ? this.query() : "";
    window.history.replaceState(this.viewing ? { packetKinds: this.state.kinds, packetGone: this.linkGone } : null, "", window.location.pathname + query);
    this.share.value = query ? window.location.origin + window.location.pathname + query : "";
    this.root.querySelector("[data-packet-copy]").disabled = !query;
  };

  PacketPage.prototype.sheetFileUrl = function (slug) {
    // An employer's three sheets share one file; each is the <article> whose id is its kind.
    return new URL("employers/" + slug + "/sheets.html", this.base).href;
  };

  PacketPage.prototype.renderSheets = function () {
    var page = this;
    var token = ++this.renderToken;
    var kinds = this.state.kinds;
    this.sheets.removeAttribute("data-loaded");
    if (!this.state.slugs.length) {
      this.sheets.replaceChildren();
      this.sheets.setAttribute("data-loaded", "0");
      this.setLoading(false);
      // Nothing to print: the empty list's words say what to do; the line keeps only what was
      // just done (「…を外しました」), if anything.
      this.announce("");
      return;
    }
    this.setLoading(true);
    this.announce("シートを読み込んでいます…");
    // Our own static pages, parsed as documents: only their sheet elements are taken over.
    Promise.all(this.state.slugs.map(function (slug) {
      var url = page.sheetFileUrl(slug);
      return fetch(url, { credentials: "same-origin" })
        .then(function (response) { if (!response.ok) throw new Error(url); return response.text(); })
        .then(function (html) {
          var file = new DOMParser().parseFromString(html, "text/html");
          return kinds.map(function (kind) { return file.querySelector("article.sheet[data-sheet='" + kind + "']"); });
        });
    })).then(function (perEmployer) {
      if (token !== page.renderToken) return;
      var sheets = [].concat.apply([], perEmployer).filter(Boolean);
      page.sheets.replaceChildren();
      sheets.forEach(function (sheet) {
        var copy = document.importNode(sheet, true);
        copy.removeAttribute("id");  // the kind's address in its own file; repeated here
        // In its own file a sheet's name is an h2 (under the file's h1) and its parts h3; here the
        // sheets sit under 「印刷されるシート」 (h2): their headings move one level down for screen
        // readers (printed, they look as in their own file).
        copy.querySelectorAll("h2, h3, h4").forEach(function (heading) {
          heading.setAttribute("aria-level", String(Number(heading.tagName.charAt(1)) + 1));
        });
        page.sheets.appendChild(copy);
      });
      if (window.directoryPrint) window.directoryPrint.fillPrintDates(page.sheets);
      page.sheets.setAttribute("data-loaded", String(sheets.length));
      page.setLoading(false);
      page.announce("印刷するシートは" + sheets.length + "枚です");
    }).catch(function () {
      if (token !== page.renderToken) return;
      // Some sheets are missing: printing stays off (the button gets its name back, disabled).
      page.sheets.removeAttribute("data-loaded");
      page.setLoading(false);
      page.status.textContent = "シートを読み込めませんでした。通信を確かめて、ページを読み込み直してください。";
    });
  };

  wireAddButtons();
  var root = document.querySelector("[data-packet-page]");
  if (root) new PacketPage(root).start();
})();
