#!/usr/bin/env bash
# Debian's chromium for the browser tests (never a downloaded browser build), and Debian's
# Noto fonts, so that printed pages and PDFs show Georgian, Armenian and Arabic quotations.
set -euo pipefail
PACKAGES="chromium fonts-noto-core"
missing=""
for package in $PACKAGES; do
  dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -z "$missing" ] && command -v chromium >/dev/null 2>&1; then exit 0; fi
install() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}
echo "Installing Debian's$missing for the browser tests…"
if install apt-get update -qq && install env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing; then
  exit 0
fi
if [ -n "${CI:-}" ]; then
  echo "$missing are required in CI and could not be installed." >&2
  exit 1
fi
echo "$missing not installed and this user cannot install them: browser tests will be skipped" >&2
echo "(without chromium) or print without Noto fonts. To install: sudo apt-get install$missing" >&2
