#!/usr/bin/env bash
# Set everything up (first run) and serve the site at http://127.0.0.1:8000/
# Edits to docs/, data/ and scripts/ rebuild the site. To rebuild faster while
# editing, build one language only: ATLAS_LANG=ru bash scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --dev-addr "${ATLAS_ADDR:-127.0.0.1:8000}" "$@"
