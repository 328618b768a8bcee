#!/usr/bin/env bash
# Debian's chromium for the browser tests (never a downloaded browser build).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
install() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}
echo "Installing Debian's chromium for the browser tests…"
if install apt-get update -qq && install env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; then
  exit 0
fi
if [ -n "${CI:-}" ]; then
  echo "chromium is required in CI and could not be installed." >&2
  exit 1
fi
echo "chromium is not installed and this user cannot install it; browser tests will be skipped." >&2
echo "To run them: sudo apt-get install chromium" >&2
