#!/usr/bin/env bash
# Create .venv and install the pinned dependencies. Safe to run again: it only
# reinstalls when a requirements file changed. Used by serve.sh and test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    echo "This step needs root: $*" >&2
    echo "Ask an administrator to run it, then run this command again." >&2
    return 1
  fi
}

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1 || echo none))." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    echo "Installing Debian's python3-venv (needed to create .venv)…"
    as_root apt-get update -qq
    as_root apt-get install -y -qq python3-venv
    "$PYTHON" -m venv .venv
  fi
fi

stamp=.venv/.requirements.sha256
wanted=$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
  echo "$wanted" > "$stamp"
fi
