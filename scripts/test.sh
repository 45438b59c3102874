#!/usr/bin/env bash
# Install Compagnon with its development tools in ./.venv, then run the quality gates and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv "[dev]"
.venv/bin/ruff check companion tests
.venv/bin/python -m pytest "$@"
