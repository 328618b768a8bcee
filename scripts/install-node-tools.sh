#!/usr/bin/env bash
# axe-core for the accessibility tests, from package-lock.json (exact versions).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f node_modules/axe-core/axe.min.js ]; then exit 0; fi
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
  elif [ -n "${CI:-}" ]; then
    echo "npm is required in CI" >&2; exit 1
  else
    echo "npm is not installed; accessibility tests will be skipped (sudo apt-get install npm)." >&2
    exit 0
  fi
fi
npm ci --no-audit --no-fund --silent
