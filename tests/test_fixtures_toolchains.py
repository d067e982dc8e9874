"""Every WAT guest compiles with both toolchains, validates, and its ark imports agree with the manifest.

Iterates the corpus fixtures ``fixtures_wat/*.wat`` (each expanded with its harness, as the runner
compiles it) plus ``tests/data/guests/*.wat``, so the test is never empty. A parser quirk of one
toolchain cannot hide in a fixture: both binaries must carry the same imports and exports, and Debian's
wasm-validate must accept both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.manifest import load_manifest
from conformance.runner import load_fixture
from conformance.validator import validate_interface
from conformance.wasm import WasmError, compile_wat, interface, load_module, wabt_validate, wabt_wat2wasm

ROOT = Path(__file__).resolve().parents[1]
GUESTS = ROOT / "tests" / "data" / "guests"
CORPUS = ROOT / "fixtures_wat"
WAT_FILES = sorted(CORPUS.glob("*.wat")) + sorted(GUESTS.glob("*.wat"))
SIGNATURE_CODES = frozenset(
    {
        "param-count",
        "param-type",
        "missing-result",
        "result-type",
        "unknown-function",
        "unknown-module",
        "wrong-module",
        "non-function-import",
    }
)


def toolchain_problems(path: Path) -> list[str]:
    """What is wrong with one WAT file across the two toolchains; raises WasmError if either cannot compile it."""
    by_wasmtime, by_wabt = compile_wat(path.read_text("utf-8")), wabt_wat2wasm(path)
    wabt_validate(by_wasmtime)
    wabt_validate(by_wabt)
    from_wasmtime, from_wabt = interface(load_module(by_wasmtime)), interface(load_module(by_wabt))
    problems = []
    if from_wasmtime.imports != from_wabt.imports:
        problems.append(f"imports differ: wasmtime {from_wasmtime.imports} vs wabt {from_wabt.imports}")
    if from_wasmtime.exports != from_wabt.exports:
        problems.append(f"exports differ: wasmtime {from_wasmtime.exports} vs wabt {from_wabt.exports}")
    report = validate_interface(from_wabt, str(path), load_manifest())
    problems.extend(f.line() for f in report.findings if f.code in SIGNATURE_CODES)
    return problems


def test_the_corpus_is_not_empty():
    assert len(WAT_FILES) >= 2


@pytest.mark.parametrize("path", WAT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiles_with_both_toolchains_and_agrees_with_the_manifest(path: Path, tmp_path: Path):
    if path.parent == CORPUS:  # the standalone module, as `ark-conformance fixture expand` prints it
        expanded = tmp_path / path.name
        expanded.write_text(load_fixture(path).source, "utf-8")
        path = expanded
    assert toolchain_problems(path) == []


def test_a_mistyped_import_is_caught():
    (problem,) = toolchain_problems(GUESTS / "invalid" / "i32_for_i64.wat")
    assert "[param-type] ark-ml-v1::ml__drop_future" in problem


def test_malformed_text_is_refused(tmp_path: Path):
    path = tmp_path / "bad.wat"
    path.write_text('(module (import "ark-ml-v1" "ml__drop_future" (func (param i64) (result i32)))', "utf-8")
    with pytest.raises(WasmError):
        toolchain_problems(path)
