#!/usr/bin/env python3
"""Run ``mkdocs build`` and record when the main process passes each stage (for benchmark.py --phases).

MkDocs runs its plugin events in a fixed order; the time between two events is a stage of the
main process's own timeline (the work of forked workers shows only where the main process waits
for them, at ``post_build``). Usage: build_phases.py OUTPUT.json mkdocs-build-arguments…
"""

from __future__ import annotations

import json
import sys
import time

STARTED = time.perf_counter()

from mkdocs import plugins  # noqa: E402 - the start time includes importing MkDocs
from mkdocs.__main__ import cli  # noqa: E402

EVENTS = ("config", "pre_build", "files", "nav", "env", "post_build")
marks: list[tuple[str, float]] = [("start", 0.0)]
run_event = plugins.PluginCollection.run_event


def timed_run_event(self, name, item=None, **kwargs):
    if name in EVENTS:
        marks.append((f"{name} starts", time.perf_counter() - STARTED))
    result = run_event(self, name, item, **kwargs)
    if name in EVENTS:
        marks.append((f"{name} ends", time.perf_counter() - STARTED))
    return result


plugins.PluginCollection.run_event = timed_run_event

if __name__ == "__main__":
    output, arguments = sys.argv[1], sys.argv[2:]
    try:
        cli(["build", *arguments], standalone_mode=False)
    finally:
        marks.append(("end", time.perf_counter() - STARTED))
        with open(output, "w", encoding="utf-8") as file:
            json.dump(marks, file)
