#!/usr/bin/env bash
# Install Compagnon in ./.venv (first run only) and start it:
# on Telegram when COMPANION_TELEGRAM_TOKEN is set, otherwise as a chat in this terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv ""
exec .venv/bin/companion run "$@"
