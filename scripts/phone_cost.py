#!/usr/bin/env python3
"""What the site costs a cheap Android phone on mobile data (a measurement, not a test).

Serves a built site below the project path (/kyoryoku-jigyosho/) on 127.0.0.1 and opens a few
pages, each in a fresh browser context (an empty cache: a first visit), in Debian's Chromium
through Playwright at 360×640, with the CPU slowed down 4× (CDP Emulation.setCPUThrottlingRate)
and Lighthouse's "slow 4G" network (CDP Network.emulateNetworkConditions: 562.5 ms round trip,
1.47 Mbit/s down, 675 kbit/s up, the figures Lighthouse uses for DevTools throttling).

Text files are served gzip-compressed, as GitHub Pages sends them (--no-gzip: as they are, as
``python -m http.server`` sends them). The local server speaks HTTP/1.1 (six connections at a
time), GitHub Pages HTTP/2: requests queue here a little more than there.

Pages (--pages): home, employer (the first employer's page, or --employer), listing (a category
listing with cards: categories/agriculture/), search (the search page; --query is typed as soon
as the box shows), search-q (the search page opened with ?q=, as the header's search box opens
it), packet (the counter packet page, nothing chosen), month (--month's calendar page).

For each page it prints the median run (by "usable") of --repeat:

* the bytes transferred by kind (HTML, CSS, JS, JSON, images, other), both as the files are
  and gzip-compressed (each file read from the site folder and compressed with gzip -6),
  whatever the server sent;
* first contentful paint, DOMContentLoaded, load and "usable": on the search pages, the time
  until results show (typed→results: from the first key); on the others, load (every script
  has run);
* the long tasks (over 50 ms) on the main thread (PerformanceObserver "longtask"): count,
  total, longest;
* the layout shift while loading (PerformanceObserver "layout-shift", summed; on the search
  page, until the query is typed).

The pages' clock reads 10:00 in Tokyo on the build day (--now: another moment, e.g. the night
after, before the daily rebuild, when assets/build-age.js moves 今日 and ends past meetings).
Figures vary from run to run on a shared machine.

Usage: .venv/bin/python scripts/phone_cost.py SITE_DIR [--pages home search ...] [--repeat 3]
       [--employer SLUG] [--month 2026-12] [--query 介護] [--now ISO] [--no-gzip] [--list]
       [--json OUT]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import re
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from employer_directory.contrib.page_preview import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PROJECT_PATH = "/kyoryoku-jigyosho/"
PHONE = {"width": 360, "height": 640}
CPU_SLOWDOWN = 4
SLOW_4G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1474.56 * 1024 / 8,
    "uploadThroughput": 675 * 1024 / 8,
}
KINDS = ("html", "css", "js", "json", "images", "other")
PAGES = ("home", "employer", "listing", "search", "search-q", "packet", "month")

OBSERVE = """
window.__phone = {longTasks: [], shift: 0, fcp: null, performance: window.performance};
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { window.__phone.longTasks.push([e.startTime, e.duration]); });
}).observe({type: "longtask", buffered: true});
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { if (!e.hadRecentInput) window.__phone.shift += e.value; });
}).observe({type: "layout-shift", buffered: true});
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { if (e.name === "first-contentful-paint") window.__phone.fcp = e.startTime; });
}).observe({type: "paint", buffered: true});
"""


COMPRESSED = (".png", ".jpg", ".jpeg", ".webp", ".gz", ".woff2")
"""Files servers send as they are (already compressed)."""


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder; with ``gzip`` set, text files go out gzip-compressed (Content-Encoding),
    as GitHub Pages sends them."""

    gzip = False

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not self.gzip or not path.is_file() or path.suffix in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def served(root: Path, compress: bool):
    handler = type("SiteHandler", (Handler,), {"gzip": compress})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def kind_of(url: str, mime: str) -> str:
    path = urlparse(url).path
    if path.endswith(".json") or "json" in mime:
        return "json"
    if path.endswith("/") or path.endswith(".html") or "html" in mime:
        return "html"
    if path.endswith(".css") or "css" in mime:
        return "css"
    if path.endswith(".js") or "javascript" in mime:
        return "js"
    if mime.startswith("image/"):
        return "images"
    return "other"


def file_sizes(site: Path, url: str) -> tuple[int, int] | None:
    """Bytes of the file behind ``url`` as it is and as a server that compresses sends it (None
    if no file is behind it)."""
    path = unquote(urlparse(url).path)
    if not path.startswith(PROJECT_PATH):
        return None
    file = site / path[len(PROJECT_PATH):]
    if file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return None
    data = file.read_bytes()
    if file.suffix in COMPRESSED:
        return len(data), len(data)
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def measure(browser, site: Path, base: str, page_path: str, query: str | None, now: str, show: bool = False) -> dict:
    """One visit with an empty cache; ``show``: print each request and the long tasks."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  locale="ja-JP", timezone_id="Asia/Tokyo")
    context.add_init_script(OBSERVE)  # before the clock's own script replaces performance
    context.clock.set_fixed_time(now)
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    requests: dict[str, dict] = {}
    cdp.on("Network.responseReceived", lambda e: requests.setdefault(e["requestId"], {}).update(
        url=e["response"]["url"], mime=e["response"].get("mimeType", "")))
    cdp.on("Network.loadingFinished", lambda e: requests.setdefault(e["requestId"], {}).update(
        bytes=e["encodedDataLength"]))
    started = time.perf_counter()
    response = tab.goto(base + page_path, wait_until="load", timeout=120_000)
    if response is None or response.status != 200:
        # A mistyped --employer or a --month with no page would measure the 404 page instead.
        raise SystemExit(f"{page_path}: HTTP {response.status if response else '?'}: no such page in the site")
    usable_ms = None
    search_ms = None
    shift_before_typing = None
    if "?q=" in page_path:  # came from the header's search box: results without typing
        tab.wait_for_selector("#dir-search-results .dir-card", timeout=120_000)
        usable_ms = (time.perf_counter() - started) * 1000
    elif query is not None:
        box = tab.locator("#dir-search-q")
        box.wait_for(state="visible", timeout=120_000)
        typed = time.perf_counter()
        shift_before_typing = tab.evaluate("window.__phone.shift")
        if show:
            ready = tab.evaluate("Boolean(document.querySelector('#dir-search[data-ready]'))")
            print(f"    typing at {(typed - started) * 1000:.0f} ms after navigation, index ready: {ready}")
        box.type(query)
        tab.wait_for_selector("#dir-search-results .dir-card", timeout=120_000)
        done = time.perf_counter()
        usable_ms = (done - started) * 1000
        search_ms = (done - typed) * 1000
    tab.wait_for_timeout(1500)  # late work (fetches, timers) after load
    timing = tab.evaluate("""() => {
      const nav = window.__phone.performance.getEntriesByType("navigation")[0];
      return {dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, phone: window.__phone};
    }""")
    if usable_ms is None:
        usable_ms = timing["load"]
    by_kind = {kind: {"raw": 0, "gzip": 0, "files": 0} for kind in KINDS}
    for request in requests.values():
        if "url" not in request or "bytes" not in request or request["url"].startswith("data:"):
            continue
        sizes = file_sizes(site, request["url"])
        if sizes is None or request["bytes"] == 0:
            continue  # not a file of the site, or a request answered from the memory cache
        kind = kind_of(request["url"], request["mime"])
        by_kind[kind]["raw"] += sizes[0]
        by_kind[kind]["gzip"] += sizes[1]
        by_kind[kind]["files"] += 1
        if show:
            print(f"    {kind:6} {request['bytes']:>8} {request['url']}")
    if show:
        print("    long tasks (start, ms):", [[round(start), round(length)] for start, length in timing["phone"]["longTasks"]])
    long_tasks = [duration for _, duration in timing["phone"]["longTasks"]]
    context.close()
    return {
        "page": page_path,
        "bytes": by_kind,
        "fcp_ms": timing["phone"]["fcp"],
        "dcl_ms": timing["dcl"],
        "load_ms": timing["load"],
        "usable_ms": usable_ms,
        "typed_to_results_ms": search_ms,
        "long_tasks": len(long_tasks),
        "long_task_total_ms": sum(long_tasks),
        "long_task_max_ms": max(long_tasks, default=0),
        "long_task_list": [[round(start), round(duration)] for start, duration in timing["phone"]["longTasks"]],
        "layout_shift": timing["phone"]["shift"] if shift_before_typing is None else shift_before_typing,
    }


def median_of(runs: list[dict]) -> dict:
    """The run whose "usable" time is the median (so its figures belong together)."""
    ordered = sorted(runs, key=lambda run: run["usable_ms"])
    return ordered[len(ordered) // 2]


def print_row(result: dict) -> None:
    b = result["bytes"]
    sizes = "  ".join(f"{kind} {b[kind]['raw'] / 1024:.0f}/{b[kind]['gzip'] / 1024:.0f}" for kind in KINDS if b[kind]["files"])
    total_raw = sum(v["raw"] for v in b.values()) / 1024
    total_gzip = sum(v["gzip"] for v in b.values()) / 1024
    search = f", typed→results {result['typed_to_results_ms']:.0f} ms" if result["typed_to_results_ms"] else ""
    print(f"{result['page']}\n  KiB raw/gzip: total {total_raw:.0f}/{total_gzip:.0f}  ({sizes})")
    print(f"  FCP {result['fcp_ms'] or 0:.0f} ms, DCL {result['dcl_ms']:.0f} ms, load {result['load_ms']:.0f} ms, "
          f"usable {result['usable_ms']:.0f} ms{search}")
    print(f"  long tasks {result['long_tasks']} (total {result['long_task_total_ms']:.0f} ms, "
          f"longest {result['long_task_max_ms']:.0f} ms), layout shift {result['layout_shift']:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build)")
    parser.add_argument("--employer", help="an employer's folder name (default: the first one)")
    parser.add_argument("--month", default="2026-12", help="a calendar month page (YYYY-MM)")
    parser.add_argument("--query", default="介護", help="what is typed on the search page")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--pages", nargs="*", choices=PAGES, metavar="PAGE", help="only these pages: " + " ".join(PAGES))
    parser.add_argument("--now", help="what the pages' clock reads (ISO 8601; default: 10:00 in Tokyo on the build day)")
    parser.add_argument("--no-gzip", action="store_true", help="serve files uncompressed (timings for raw bytes)")
    parser.add_argument("--list", action="store_true", help="print every request (kind, bytes, URL)")
    args = parser.parse_args()
    site = args.site.resolve()
    home = site / "index.html"
    built = re.search(r'data-build-date="([0-9-]+)"', home.read_text(encoding="utf-8")) if home.is_file() else None
    if built is None:
        parser.error(f"{site} is no built site of this project (build it first: .venv/bin/mkdocs build)")
    built = built.group(1)
    # The morning of the build day, as on the day the site was built.
    now = args.now or f"{built}T10:00:00+09:00"
    employer = args.employer or sorted(p.name for p in (site / "employers").iterdir() if (p / "index.html").is_file())[0]
    pages = {"home": ("", None), "employer": (f"employers/{employer}/", None), "listing": ("categories/agriculture/", None),
             "search": ("search/", args.query), "search-q": (f"search/?q={quote(args.query)}", None),
             "packet": ("packet/", None), "month": (f"calendar/{args.month}/", None)}
    pages = [pages[name] for name in (args.pages or pages)]
    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory() as www, sync_playwright() as playwright:
        (Path(www) / PROJECT_PATH.strip("/")).symlink_to(site, target_is_directory=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        with served(Path(www), not args.no_gzip) as root:
            base = root + PROJECT_PATH.lstrip("/")
            for page_path, query in pages:
                runs = [measure(browser, site, base, page_path, query, now, args.list) for _ in range(args.repeat)]
                result = median_of(runs)
                result["usable_ms_all"] = [round(run["usable_ms"]) for run in runs]
                results.append(result)
                print_row(result)
        browser.close()
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
