#!/usr/bin/env bash
# Idempotent setup for a fresh machine: Debian's wabt, a venv in .venv, the project and its test and dev deps.
# Re-running is cheap: pip runs only when pyproject.toml changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wat2wasm >/dev/null 2>&1 || ! command -v wasm-validate >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing Debian's wabt (wat2wasm, wasm-validate, wasm-objdump)" >&2
    $SUDO apt-get install -y -q wabt >/dev/null 2>&1 \
        || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q wabt >/dev/null; }
fi

# The HTML report's browser tests drive Debian's chromium through chromium-driver (tests/reports/).
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing Debian's chromium and chromium-driver (browser tests)" >&2
    $SUDO apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
        || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q chromium chromium-driver >/dev/null; }
fi

# Debian's rustc with the wasm32 std builds the compiled fixtures (scripts/build-rust-fixtures.sh);
# tests/rust rebuilds them byte for byte, so CI needs exactly this toolchain (not rustup's).
if [ ! -x /usr/bin/rustc ] || [ ! -d /usr/lib/rustlib/wasm32-unknown-unknown ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing Debian's rustc and libstd-rust-dev-wasm32" >&2
    $SUDO apt-get install -y -q rustc libstd-rust-dev-wasm32 >/dev/null 2>&1 \
        || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q rustc libstd-rust-dev-wasm32 >/dev/null; }
fi

# Node runs the example host examples/hosts/node/ (tests/examples): Debian's nodejs (18 on Debian 12, 20 later).
if ! command -v node >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing Debian's nodejs" >&2
    $SUDO apt-get install -y -q nodejs >/dev/null 2>&1 \
        || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q nodejs >/dev/null; }
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv" >&2
    "$PY" -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    echo "setup: installing ark-ml-conformance and test dependencies into .venv" >&2
    .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,dev,browser]'
    rm -f .venv/.installed-*
    touch "$stamp"
fi
