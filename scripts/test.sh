#!/usr/bin/env bash
# The test command: setup, lint, then the whole pytest suite in parallel (the property gate included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
# Bytecode caching on, even where the environment turns it off (PYTHONDONTWRITEBYTECODE): the suite starts
# hundreds of Python processes (CLI runs, subprocess hosts, xdist workers), each of which would otherwise
# compile conformance/, reference_host/ and the tests again (and pytest would re-rewrite every test
# module's asserts). The cache lives in the gitignored venv, not beside the sources, so the tree and the
# sdist/wheel stay clean; CPython checks each .pyc against its source's mtime and size, as it always does.
unset PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX="$PWD/.venv/pycache"
.venv/bin/python -m pytest -n auto -q "$@"
