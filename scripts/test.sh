#!/usr/bin/env bash
# Install Compagnon with its development tools in ./.venv, then run the quality gates (ruff, the import
# contract) and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv "[dev]"
.venv/bin/ruff check companion tests
.venv/bin/lint-imports  # the architecture contract: [tool.importlinter] in pyproject.toml
.venv/bin/python -m pytest "$@"
