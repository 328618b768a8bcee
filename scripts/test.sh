#!/usr/bin/env bash
# Run the whole test suite: lint, data validation, strict build, unit and browser tests.
# First run installs what the tests need (Python packages in .venv; Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/install-browser.sh
bash scripts/install-node-tools.sh
.venv/bin/python scripts/stack_status.py
# The test builds hide the notice printed above (once is enough in a log).
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check scripts tests
.venv/bin/ruff format --check scripts tests
.venv/bin/yamllint -c .yamllint.yml data mkdocs.yml .github
.venv/bin/python scripts/validate.py --errors-only
exec .venv/bin/python -m pytest "$@"
