#!/usr/bin/env bash
# The test command: setup, lint, then the whole pytest suite in parallel (the property gate included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/python -m pytest -n auto -q "$@"
