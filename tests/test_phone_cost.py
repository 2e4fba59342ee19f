"""scripts/phone_cost.py (a measurement, not a test): what it refuses, without measuring."""

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "phone_cost.py"


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=300)


def test_a_page_name_it_does_not_know_or_a_folder_with_no_site_is_refused_without_a_traceback(built_site, tmp_path):
    """Found by review: --pages nope stopped with a KeyError, an unbuilt folder with a
    FileNotFoundError."""
    unknown = run(built_site, "--pages", "nope")
    assert unknown.returncode == 2 and "invalid choice: 'nope'" in unknown.stderr and "Traceback" not in unknown.stderr
    empty = run(tmp_path)
    assert empty.returncode == 2 and "no built site" in empty.stderr and "Traceback" not in empty.stderr


def test_a_page_the_site_does_not_have_is_told_not_measured(built_site):
    """Found by review: a mistyped --employer measured the 404 page as if it were the employer's."""
    result = run(built_site, "--pages", "employer", "--employer", "no-such-employer", "--repeat", "1")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "employers/no-such-employer/: HTTP 404" in result.stderr and "KiB" not in result.stdout
