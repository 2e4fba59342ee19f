#!/usr/bin/env python3
"""Build-time and output-size benchmark (not a test).

For each size (default 1,000 and 10,000 synthetic employers, made from the sample employers
with new names and file names, in a temporary folder) it builds:

* **ours**: this project (hooks, templates, validation, listing pages);
* **bare**: the same Markdown files with a plain Material configuration (same theme, same
  short navigation, no hooks),

and prints, from this one run: the build times (median of --repeat alternating builds) and their ratio, and the output bytes per
employer. Bytes per employer are *marginal* bytes, (site bytes − bytes of the same site with no
employers but the same programs) / employers, so that the fixed theme assets and program pages
do not hide how output grows.

Both builds also get --programs synthetic programs (default 100) with recurrence rules (issue:
calendars), so ours also builds their month pages and ICS feeds; bare renders the same Markdown.

It also prints the CPU time (user + system, worker processes included) of both builds: bare
Material uses one core, so ours divided by the machine's cores is the lowest wall time ours could
reach here however its work were spread.

Targets (issue: foundation): ratio ≤ 1.3 at 1,000; bytes per employer at 10,000 within 10% of 1,000.

With --profile it then builds both once more at the first size, in one process under cProfile,
and prints where the CPU time goes (shares of each build's own total: the profiler slows pure
Python code more than the rest, so shares, not seconds).

With --phases it also builds both once more at the first size and prints the main process's
timeline stage by stage (scripts/build_phases.py): where ours spends wall time that bare does not.

Usage: .venv/bin/python scripts/benchmark.py [--sizes 1000 10000] [--profile] [--phases] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE_CONFIG = """\
site_name: bare
site_url: https://example.github.io/kyoryoku-jigyosho/
docs_dir: content
theme:
  name: material
  language: ja
  font: false
validation:
  nav:
    omitted_files: ignore
nav:
  - index.md
  - about.md
  - join.md
"""


def sample_employers() -> list[tuple[str, str]]:
    folder = ROOT / "content" / "employers"
    return [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.md"))]


def synthetic_employer(index: int, stem: str, text: str) -> tuple[str, str]:
    """A copy of a sample employer with a unique file name and name."""
    text = re.sub(r"^name: (.+)$", lambda m: f"name: {m.group(1)} 第{index}事業所", text, count=1, flags=re.M)
    text = re.sub(r"^slug: .*\n", "", text, flags=re.M)
    return f"{stem}-{index:05d}.md", text


RULES = ["毎月第2・第4水曜", "毎週火曜", "隔週金曜", "毎月最終金曜", "毎週月・木曜", "毎月第1土曜"]
KINDS = ["集団プログラム", "セミナー", "職場見学会", "研修会", "フォーラム", "合同就職面接会"]


def synthetic_program(index: int, employer_stems: list[str]) -> tuple[str, str]:
    """A program with a recurrence rule over one fiscal year, themes, and a related employer."""
    rule = RULES[index % len(RULES)]
    employers = f"employers: [{employer_stems[index % len(employer_stems)]}]\n" if employer_stems else ""
    titles = "".join(f"    - 第{n}回のテーマ（プログラム{index}）\n" for n in range(1, 11))
    text = (
        "---\n"
        f"title: 合成プログラム {index}\n"
        f"kind: {KINDS[index % len(KINDS)]}\n"
        "summary: ベンチマーク用に作ったプログラムです。\n"
        "place:\n  name: しらかば市総合福祉センター\n  address: しらかば市中央町3-1-1\n"
        "capacity: 10\nfee: 無料\n"
        f"{employers}"
        "recurrence:\n"
        f"  rule: {rule}\n"
        "  start: 2026-04-01\n  until: 2027-03-31\n"
        f"  time: \"{9 + index % 6}:00〜{10 + index % 6}:30\"\n"
        f"  titles:\n{titles}"
        "verified: 2026-11-01\n"
        "---\n\n"
        "会場は2階の研修室です。途中の回からでも参加できます。\n"
    )
    return f"synthetic-program-{index:04d}.md", text


def make_project(folder: Path, employers: int, bare: bool, programs: int = 0) -> Path:
    content = folder / "content"
    (content / "employers").mkdir(parents=True)
    (content / "programs").mkdir(parents=True)
    for name in ("index.md", "about.md", "join.md"):
        shutil.copy(ROOT / "content" / name, content / name)
    samples = sample_employers()
    for index in range(employers):
        stem, text = samples[index % len(samples)]
        file_name, body = synthetic_employer(index, stem, text)
        (content / "employers" / file_name).write_text(body, encoding="utf-8")
    stems = [synthetic_employer(index, samples[index % len(samples)][0], "")[0][:-3] for index in range(min(employers, 50))]
    for index in range(programs):
        file_name, body = synthetic_program(index, stems)
        (content / "programs" / file_name).write_text(body, encoding="utf-8")
    if bare:
        (folder / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
        # index.md names a template of ours in its front-matter only through our hooks; plain is fine.
    else:
        shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
        shutil.copytree(ROOT / "hooks", folder / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(ROOT / "overrides", folder / "overrides")
        shutil.copytree(ROOT / "content" / "assets", content / "assets")
        shutil.copytree(ROOT / "content" / "schema", content / "schema")
        shutil.copy(ROOT / "content" / "data.md", content / "data.md")  # the open data page (in our nav)
        for program in (ROOT / "content" / "programs").glob("*.md"):
            text = program.read_text(encoding="utf-8")
            if "employers: [" not in text or employers >= len(samples):
                shutil.copy(program, content / "programs" / program.name)
    return folder


def build_env(**extra: str) -> dict[str, str]:
    """The environment of every measured build: a fixed build date, no MkDocs 2 notice."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DIRECTORY_BUILD_DATE": "2026-11-22", **extra}


def new_site(folder: Path) -> Path:
    """A site folder no build of ``folder`` has written yet (see build() for why)."""
    return folder / f"site-{len(list(folder.glob('site-*')))}"


def build(folder: Path) -> tuple[float, int, float]:
    """Wall time, output bytes and CPU time (user + system, worker processes included)."""
    env = build_env()
    # Every build writes into a new site folder, as on CI and GitHub Pages (a fresh checkout).
    # Deleting the previous build's folder first would measure the disk as well: on the machines
    # we measured, files created just after thousands of others were deleted cost several times
    # more, and ours deletes five times bare's files. Old folders are deleted after the timings.
    site = new_site(folder)
    os.sync()  # the disk has written out the last build, so the two kinds start alike
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"build failed in {folder}:\n{result.stdout}\n{result.stderr}")
    size = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    return elapsed, size, cpu


PROFILED_PARTS = [
    # (label, file name ending, function name); a part's time includes what it calls.
    ("reading and validating the content", "employer_directory/loading.py", "load_directory"),
    ("MkDocs: rendering the pages", "mkdocs/commands/build.py", "_build_page"),
    ("printable sheets", "employer_directory/sheets/sheet_files.py", "render_sheet_files"),
    ("  of which QR codes", "employer_directory/sheets/qr.py", "qr_svg"),
    ("search index", "employer_directory/search/index.py", "render_search_files"),
    ("open data", "employer_directory/exports/data_files.py", "render_data_files"),
    ("ICS feeds", "employer_directory/calendar/ics.py", "feed_files"),
    ("writing the files that are not pages", "employer_directory/background.py", "write_site_files"),
]


def profile_build(folder: Path) -> dict[str, float]:
    """One in-process build under cProfile: the share of its total time in each part."""
    env = build_env(DIRECTORY_BACKGROUND="0")
    output = folder / "profile.out"
    site = new_site(folder)
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=folder, env=env, capture_output=True, check=True,
    )
    stats = pstats.Stats(str(output)).stats
    total = max(cumulative for (_calls, _primitive, _own, cumulative, _callers) in stats.values())
    shares = {"total seconds": total}
    for label, file_end, function in PROFILED_PARTS:
        times = [value[3] for (file, _line, name), value in stats.items() if name == function and file.replace(os.sep, "/").endswith(file_end)]
        if times:
            shares[label] = max(times) / total
    return shares


PHASES = [
    # (label, from mark, to mark) in the main process's timeline (scripts/build_phases.py)
    ("start-up: imports, mkdocs.yml, hooks", "start", "config starts"),
    ("settings; ours: reading + validating content", "config starts", "pre_build ends"),
    ("listing files, navigation; ours: page plan", "pre_build ends", "nav ends"),
    ("Markdown of every page", "nav ends", "env starts"),
    ("rendering + writing every page", "env starts", "post_build starts"),
    ("post_build; ours: waiting for the workers", "post_build starts", "end"),
]


def build_phases(folder: Path) -> dict[str, float]:
    """One build with the main process's stages timed (wall seconds of each PHASES entry)."""
    env = build_env()
    output = folder / "phases.json"
    site = new_site(folder)
    os.sync()
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_phases.py"), str(output), "--quiet", "--site-dir", str(site)],
        cwd=folder, env=env, capture_output=True, check=True,
    )
    marks = dict(json.loads(output.read_text(encoding="utf-8")))
    return {label: marks[end] - marks[start] for label, start, end in PHASES} | {"total": marks["end"]}


def delete_sites(folder: Path) -> None:
    for site in folder.glob("site-*"):
        shutil.rmtree(site)


def fix_programs_for_synthetic(folder: Path) -> None:
    """Sample programs name sample employers; point them at the synthetic copies."""
    names = {path.stem.rsplit("-", 1)[0]: path.stem for path in sorted((folder / "content/employers").glob("*.md"))}
    for program in (folder / "content" / "programs").glob("*.md"):
        text = program.read_text(encoding="utf-8")
        text = re.sub(r"employers: \[(.*?)\]", lambda m: "employers: [" + ", ".join(names.get(s.strip(), s.strip()) for s in m.group(1).split(",")) + "]", text)
        program.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind per size; the median is used")
    parser.add_argument("--programs", type=int, default=100, help="synthetic programs with recurrence rules in both builds")
    parser.add_argument("--profile", action="store_true", help="also print where each build's CPU time goes (cProfile)")
    parser.add_argument("--phases", action="store_true", help="also print the main process's timeline, stage by stage, of one build of each")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="directory-benchmark-"))
    try:
        baseline: dict[str, int] = {}
        for kind in ("ours", "bare"):
            # The same programs as the measured builds: their pages and feeds do not grow with the
            # number of employers, so they must not count as bytes per employer.
            folder = make_project(workdir / f"{kind}-0", 0, bare=kind == "bare", programs=args.programs)
            baseline[kind] = build(folder)[1]
            delete_sites(folder)
        rows = []
        for size in args.sizes:
            ours = make_project(workdir / f"ours-{size}", size, bare=False, programs=args.programs)
            fix_programs_for_synthetic(ours)
            bare = make_project(workdir / f"bare-{size}", size, bare=True, programs=args.programs)
            our_times, bare_times, our_cpus, bare_cpus = [], [], [], []
            for _ in range(args.repeat):  # alternate the two so that machine noise hits both alike
                bare_time, bare_bytes, bare_cpu = build(bare)
                our_time, our_bytes, our_cpu = build(ours)
                bare_times.append(bare_time)
                our_times.append(our_time)
                bare_cpus.append(bare_cpu)
                our_cpus.append(our_cpu)
            if args.profile and size == args.sizes[0]:
                profiles = {"ours": profile_build(ours), "bare": profile_build(bare)}
            if args.phases and size == args.sizes[0]:
                phases = {"ours": build_phases(ours), "bare": build_phases(bare)}
            delete_sites(ours)
            delete_sites(bare)
            our_time, bare_time = statistics.median(our_times), statistics.median(bare_times)
            our_cpu, bare_cpu = statistics.median(our_cpus), statistics.median(bare_cpus)
            rows.append((size, our_time, bare_time, our_bytes, bare_bytes))
            print(
                f"{size:>6} employers: ours {our_time:7.2f} s, bare Material {bare_time:7.2f} s (median of {args.repeat}), "
                f"ratio {our_time / bare_time:.2f}; output {our_bytes / 1e6:8.1f} MB, "
                f"{(our_bytes - baseline['ours']) / size:,.0f} bytes per employer "
                f"(bare {(bare_bytes - baseline['bare']) / size:,.0f})",
                flush=True,
            )
            # Bare Material runs on one core. Ours spreads its work over the cores it has, so its
            # CPU time divided by the cores is the lowest wall time it could reach on this machine.
            cores = os.cpu_count() or 1
            print(
                f"{'':>6}            CPU time (user + system): ours {our_cpu:7.2f} s, bare {bare_cpu:7.2f} s, "
                f"ratio {our_cpu / bare_cpu:.2f}; spread perfectly over {cores} cores, ours would still take "
                f"{our_cpu / cores / bare_time:.2f}× bare's wall time",
                flush=True,
            )
        if args.profile:
            print(f"where the CPU time goes at {args.sizes[0]:,} employers (cProfile, one process, share of each build's total):")
            for label, _file, _function in PROFILED_PARTS:
                shown = [f"{kind} {profiles[kind][label]:5.1%}" for kind in ("ours", "bare") if label in profiles[kind]]
                print(f"  {label:<40} {', '.join(shown)}")
            print(f"  {'(total under cProfile)':<40} ours {profiles['ours']['total seconds']:.1f} s, bare {profiles['bare']['total seconds']:.1f} s")
        if args.phases:
            print(f"the main process's timeline at {args.sizes[0]:,} employers (one build each, wall seconds):")
            for label, _start, _end in PHASES:
                print(f"  {label:<46} ours {phases['ours'][label]:5.2f} s, bare {phases['bare'][label]:5.2f} s")
            print(f"  {'(whole build)':<46} ours {phases['ours']['total']:5.2f} s, bare {phases['bare']['total']:5.2f} s")
        if len(rows) >= 2:
            first, last = rows[0], rows[-1]
            per_first = (first[3] - baseline["ours"]) / first[0]
            per_last = (last[3] - baseline["ours"]) / last[0]
            print(f"bytes per employer at {last[0]:,} vs {first[0]:,}: {per_last / per_first:.3f}× (target within 10%)")
        for size, our_time, bare_time, *_ in rows:
            verdict = "meets" if our_time / bare_time <= 1.3 else "misses"
            print(f"ratio at {size:,}: {our_time / bare_time:.2f} ({verdict} the ≤ 1.3 target)")
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
