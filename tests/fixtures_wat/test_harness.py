"""The fixture harness: includes are spliced deterministically, lint errors are caught, raw and .wasm work.

Replaces the old pasted-code-equality test: with one copy of each helper there is nothing to keep equal,
so what is tested is the splice itself and every way a fixture can misuse it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conformance.cli import main
from conformance.runner import FixtureError, discover, load_fixture
from conformance.runner._fixture import imported_fields
from conformance.wasm import WasmError, compile_wat

from ._lint import FIXTURES

TAKE_TWICE = "futures.take-twice"  # includes start_std and th_ready
RAW_EXAMPLE = Path(__file__).resolve().parents[1] / "runner" / "data" / "start_training.success.wat"


def corpus_copy(tmp_path: Path, *ids: str) -> Path:
    """A corpus in tmp_path: the real harness, every scenario and the given fixtures."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "harness", target / "harness")
    shutil.copytree(FIXTURES / "scenarios", target / "scenarios")
    for fixture_id in ids:
        shutil.copy(FIXTURES / f"{fixture_id}.wat", target / f"{fixture_id}.wat")
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"test helper: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new), "utf-8")


def test_expansion_is_deterministic_and_orders_imports_prelude_includes_own_text():
    first, second = load_fixture(FIXTURES / f"{TAKE_TWICE}.wat"), load_fixture(FIXTURES / f"{TAKE_TWICE}.wat")
    assert first.source == second.source and first.sha256 == second.sha256
    text = first.source
    marks = [text.rindex("(import "), text.index("harness: prelude.wat"), text.index("harness: start_std.wat"),
             text.index("harness: th_ready.wat"), text.index('(func (export "conformance_step")')]
    assert marks == sorted(marks)
    compile_wat(text)


def test_sha256_covers_the_expanded_text(tmp_path):
    corpus = corpus_copy(tmp_path, TAKE_TWICE)
    before = load_fixture(corpus / f"{TAKE_TWICE}.wat").sha256
    edit(corpus / "harness" / "th_ready.wat", "(i32.const 0)))", "(i32.const 0)))\n  ;; edited")
    assert load_fixture(corpus / f"{TAKE_TWICE}.wat").sha256 != before


def test_needs_come_first_each_once_and_cycles_are_errors(tmp_path):
    corpus = corpus_copy(tmp_path, TAKE_TWICE)
    fixture = corpus / f"{TAKE_TWICE}.wat"
    edit(corpus / "harness" / "start_std.wat", ";;@ imports", ';;@ needs = ["th_ready"]\n;;@ imports')
    text = load_fixture(fixture).source
    assert text.count("harness: th_ready.wat") == 1
    assert text.index("harness: th_ready.wat") < text.index("harness: start_std.wat")
    edit(corpus / "harness" / "th_ready.wat", ";;@ imports", ';;@ needs = ["start_std"]\n;;@ imports')
    with pytest.raises(FixtureError, match="include cycle"):
        load_fixture(fixture)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('includes = ["start_std", "th_ready"]', 'includes = ["start_std", "no_such_idiom"]', "unknown include"),
        ('includes = ["start_std", "th_ready"]', 'includes = ["prelude", "th_ready"]', "the prelude is implicit"),
        ('includes = ["start_std", "th_ready"]', 'includes = ["Start-Std"]', "does not match"),
        ('  (import "ark-ml-v1" "ml__poll_future_training_handle" (func $ml__poll_future_training_handle '
         "(param i64 i32) (result i32)))\n", "", "the harness calls ml__poll_future_training_handle"),
        ('includes = ["start_std", "th_ready"]', 'includes = ["start_std", "th_ready"]\n;;@ raw = true', "is raw"),
    ],
    ids=["unknown-include", "prelude-listed", "bad-name", "missing-import", "raw-with-includes"],
)
def test_harness_misuse_is_a_lint_error(tmp_path, old, new, message):
    corpus = corpus_copy(tmp_path, TAKE_TWICE)
    edit(corpus / f"{TAKE_TWICE}.wat", old, new)
    with pytest.raises(FixtureError) as info:
        load_fixture(corpus / f"{TAKE_TWICE}.wat")
    assert any(message in p for p in info.value.problems), info.value.problems


def test_a_raw_fixture_is_used_unchanged_and_needs_it(tmp_path):
    """A whole module (its own protocol exports) in a corpus with a harness: raw keeps it as written."""
    corpus = corpus_copy(tmp_path)
    path = corpus / RAW_EXAMPLE.name
    path.write_text(RAW_EXAMPLE.read_text("utf-8"), "utf-8")
    with pytest.raises(WasmError, match=r"duplicate|already|export"):  # prelude spliced: exports twice
        compile_wat(load_fixture(path).source)
    edit(path, ';;@ expect = "pass"', ';;@ expect = "pass"\n;;@ raw = true')
    fixture = load_fixture(path)
    assert fixture.raw and fixture.source == path.read_text("utf-8")
    compile_wat(fixture.source)


def _wasm_fixture(directory: Path) -> Path:
    """The raw example compiled to .wasm, with its header moved to the sidecar `<id>.toml`."""
    text = RAW_EXAMPLE.read_text("utf-8")
    path = directory / "start_training.success.wasm"
    path.write_bytes(compile_wat(text))
    header = "\n".join(line[4:] for line in text.splitlines() if line.startswith(";;@ "))
    path.with_suffix(".toml").write_text(header + "\n", "utf-8")
    return path


def test_a_wasm_fixture_takes_its_header_from_the_sidecar_and_its_imports_from_the_binary(tmp_path):
    path = _wasm_fixture(corpus_copy(tmp_path))
    fixture = load_fixture(path)
    assert fixture.is_binary and fixture.raw and fixture.wasm() == path.read_bytes()
    assert imported_fields(fixture) == {"ml__start_training", "ml__poll_future_training_handle",
                                        "ml__take_future_training_handle"}
    assert [f.id for f in discover(path.parent)] == ["start_training.success"]


@pytest.mark.parametrize(
    ("change", "message"),
    [("delete", "needs the sidecar"), ("raw = false", "always raw"), ('includes = ["th_ready"]', "is raw")],
)
def test_a_wasm_fixture_with_a_bad_sidecar_is_a_lint_error(tmp_path, change, message):
    path = _wasm_fixture(corpus_copy(tmp_path))
    sidecar = path.with_suffix(".toml")
    if change == "delete":
        sidecar.unlink()
    else:
        sidecar.write_text(change + "\n" + sidecar.read_text("utf-8"), "utf-8")
    with pytest.raises(FixtureError) as info:
        load_fixture(path)
    assert any(message in p for p in info.value.problems), info.value.problems


def test_discover_with_a_pattern_loads_only_the_matching_files(tmp_path):
    corpus = corpus_copy(tmp_path, TAKE_TWICE)
    (corpus / "zz.broken.wat").write_text("not a fixture", "utf-8")
    with pytest.raises(FixtureError, match=r"zz\.broken"):
        discover(corpus)
    assert [f.id for f in discover(corpus, pattern=TAKE_TWICE)] == [TAKE_TWICE]
    assert [f.id for f in discover(corpus, pattern="take-tw")] == [TAKE_TWICE]
    assert discover(corpus, pattern="nothing-matches") == []


def test_expand_prints_the_standalone_module(capsys):
    assert main(["fixture", "expand", TAKE_TWICE, "--fixtures", str(FIXTURES)]) == 0
    out = capsys.readouterr().out
    assert out == load_fixture(FIXTURES / f"{TAKE_TWICE}.wat").source
    compile_wat(out)


@pytest.mark.parametrize("fixture_id", ["no.such-fixture", "../README"])
def test_expand_of_an_unknown_id_is_one_line_exit_2(capsys, fixture_id):
    assert main(["fixture", "expand", fixture_id, "--fixtures", str(FIXTURES)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no fixture" in err
