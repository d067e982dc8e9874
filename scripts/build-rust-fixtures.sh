#!/usr/bin/env bash
# Build the compiled Rust fixtures (fixtures_rust/*.rs) into fixtures_wat/<id>.wasm, reproducibly.
#
# Debian's rustc and libstd-rust-dev-wasm32 only (scripts/setup.sh installs them): plain rustc
# invocations, no cargo and no registry. The flags pin everything that would otherwise vary between
# machines or runs: the source path (--remap-path-prefix), debug info, codegen units, the crate hash
# (-C metadata) and the optimisation level. tests/rust/ rebuilds into a temporary directory and requires
# the committed .wasm files byte for byte.
#
# Usage: scripts/build-rust-fixtures.sh [OUT_DIR]   (default: fixtures_wat/)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUSTC="${RUSTC:-/usr/bin/rustc}"
OUT="${1:-$ROOT/fixtures_wat}"
if [ ! -x "$RUSTC" ]; then
  echo "build-rust-fixtures: $RUSTC not found (apt-get install rustc libstd-rust-dev-wasm32)" >&2
  exit 2
fi
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

COMMON=(
  --edition 2021 --target wasm32-unknown-unknown
  -D warnings -C opt-level=s -C debuginfo=0 -C codegen-units=1 -C panic=abort -C strip=symbols
  --remap-path-prefix "$ROOT=/ark-ml-conformance"
)

cd "$ROOT/fixtures_rust"
"$RUSTC" "${COMMON[@]}" --crate-type rlib --crate-name ark_guest -C metadata=ark_guest \
  -o "$TMP/libark_guest.rlib" support/lib.rs

# The committed binaries are reproducible with this toolchain only; record which one built them.
if [ "$OUT" = "$ROOT/fixtures_wat" ]; then
  "$RUSTC" -vV | grep -E '^(release|LLVM version):' > "$ROOT/fixtures_rust/TOOLCHAIN"
fi

for src in fixtures/*.rs; do
  id="$(basename "$src" .rs)"
  "$RUSTC" "${COMMON[@]}" --crate-type cdylib --crate-name fixture -C metadata=fixture \
    --extern ark_guest="$TMP/libark_guest.rlib" -o "$TMP/$id.wasm" "$src"
  cp "$TMP/$id.wasm" "$OUT/$id.wasm"
  echo "$OUT/$id.wasm"
done
