#!/usr/bin/env python3
"""Directory search benchmark (not a test).

For each size (default 1,000 and 10,000 synthetic employers, made by scripts/benchmark.py's
generator) it builds the site once and prints:

* index build time: lunr.py index + compact form + document store, from loaded employers;
* gzip bytes a visitor downloads on the search page before the first result is shown (every
  request the page makes until results are on screen: HTML, CSS, JS, index, documents);
* time to the first result in headless Chromium (navigation start to results on screen);
* query latency p50 / p95 in headless Chromium over a fixed list of queries (search + filter +
  rendering of the results, measured around the form's submit handler).

Targets (issue 5) at 1,000 employers: ≤ 250 KB gzip before the first result, p95 ≤ 50 ms.

Usage: .venv/bin/python scripts/benchmark_search.py [--sizes 1000 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "週3日", "トマトの収穫", "ﾄﾏﾄ", "とまと", "かいご", "トマト 選果", "送迎あり", "駅から近い",
    "短時間", "清掃", "畑", "介護", "草刈り", "事務", "パン", "しらかば", "ラーメン", "9:00",
]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"]


def load_generator():
    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def index_build_seconds(project: Path) -> tuple[float, int]:
    from employer_directory.cli import read_settings
    from employer_directory.loading import load_directory
    from employer_directory.search.index import SearchIndex

    settings = read_settings(project / "mkdocs.yml")
    directory = load_directory(project / "content", settings, root=project)
    out = project / "index-only"
    started = time.perf_counter()
    SearchIndex(directory).add_all().write(out)
    return time.perf_counter() - started, len(directory.employers)


def build_site(project: Path) -> Path:
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DIRECTORY_BUILD_DATE": "2026-11-22"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}\n{result.stderr}")
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure_browser(site: Path, rounds: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    www = site.parent / "www"
    www.mkdir(exist_ok=True)
    (www / "kyoryoku-jigyosho").symlink_to(site, target_is_directory=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(www)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/kyoryoku-jigyosho/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 360, "height": 740})
            requested: list[str] = []
            page.on("request", lambda request: requested.append(urlparse(request.url).path))
            page.goto(base + "search/?q=" + "トマト")
            page.wait_for_selector("#dir-search[data-ready]", timeout=120_000)
            first_result_ms = page.evaluate("performance.now()")
            before_first = list(requested)
            gzip_bytes = 0
            for path in dict.fromkeys(before_first):
                relative = path.removeprefix("/kyoryoku-jigyosho/")
                file = site / relative
                if file.is_dir() or relative == "" or relative.endswith("/"):
                    file = file / "index.html"
                if file.is_file():
                    gzip_bytes += len(gzip.compress(file.read_bytes(), 6))
            timings = []
            for _ in range(rounds):
                for query in QUERIES:
                    timings.append(
                        page.evaluate(
                            """q => {
                                const box = document.getElementById('dir-search-q');
                                box.value = q;
                                const started = performance.now();
                                document.getElementById('dir-search').requestSubmit();
                                return performance.now() - started;
                            }""",
                            query,
                        )
                    )
            browser.close()
    finally:
        server.shutdown()
    timings.sort()
    return {
        "gzip_kb": gzip_bytes / 1024,
        "files": len(set(before_first)),
        "first_result_ms": first_result_ms,
        "p50": statistics.median(timings),
        "p95": timings[max(0, round(0.95 * len(timings)) - 1)],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=5, help="times each query runs")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    generator = load_generator()
    workdir = Path(tempfile.mkdtemp(prefix="directory-search-benchmark-"))
    try:
        for size in args.sizes:
            project = generator.make_project(workdir / f"ours-{size}", size, bare=False)
            generator.fix_programs_for_synthetic(project)
            seconds, count = index_build_seconds(project)
            index_file = project / "index-only" / "search" / "directory-index.json"
            docs_file = project / "index-only" / "search" / "directory-documents.json"
            index_gz = len(gzip.compress(index_file.read_bytes(), 6)) / 1024
            docs_gz = len(gzip.compress(docs_file.read_bytes(), 6)) / 1024
            site = build_site(project)
            browser = measure_browser(site, args.rounds)
            verdict = ""
            if size == 1000:
                verdict = " [targets ≤ 250 KB: {}; p95 ≤ 50 ms: {}]".format(
                    "met" if browser["gzip_kb"] <= 250 else "MISSED", "met" if browser["p95"] <= 50 else "MISSED"
                )
            print(
                f"{count:>6} employers: index build {seconds:.2f} s; index {index_gz:.0f} KB gzip, documents {docs_gz:.0f} KB gzip; "
                f"before first result {browser['gzip_kb']:.0f} KB gzip in {browser['files']} files, "
                f"first result at {browser['first_result_ms']:.0f} ms; "
                f"query p50 {browser['p50']:.1f} ms, p95 {browser['p95']:.1f} ms ({len(QUERIES)} queries × {args.rounds}){verdict}",
                flush=True,
            )
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
