"""Compiled Rust guests as fixtures: generated bindings, reproducible builds, and runs on every host.

The bindings (``ark-conformance manifest --rust``) must be what the manifest says and must compile;
the committed ``fixtures_wat/rust.*.wasm`` must be what ``scripts/build-rust-fixtures.sh`` builds from
the committed sources, byte for byte; their sidecar expectations must be derived from the manifest; and
they must pass on the reference host (in-process and through the subprocess adapter) while failing on
faulty hosts and on a manifest whose layout rustc does not reproduce.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conformance._rust import parse_source, parse_struct
from conformance.adapters import open_adapter
from conformance.cli import main
from conformance.manifest import load_manifest
from conformance.runner import load_fixture, run_case
from conformance.rust_bindings import rust_bindings
from conformance.validator import validate_interface
from conformance.wasm import interface, load_module

from ..mutants._gallery import MODULE
from ..runner.helpers import corpus_fixtures, serve_spec
from ._layouts import layout_hex

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures_wat"


RUSTC = Path("/usr/bin/rustc")
BINDINGS = ROOT / "fixtures_rust" / "support" / "ffi.rs"
BUILD = ROOT / "scripts" / "build-rust-fixtures.sh"
TOOLCHAIN = ROOT / "fixtures_rust" / "TOOLCHAIN"
SOURCES = sorted((ROOT / "fixtures_rust" / "fixtures").glob("*.rs"))
WASM = sorted(CORPUS.glob("rust.*.wasm"))
LIFECYCLE = CORPUS / "rust.full-lifecycle.wasm"
LAYOUTS = CORPUS / "rust.struct-layouts.wasm"


def _need_rustc() -> None:
    """Skip without Debian's rustc, except in CI, where setup.sh installs it and a skip would hide a failure."""
    if RUSTC.exists():
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{RUSTC} is missing in CI: scripts/setup.sh installs rustc and libstd-rust-dev-wasm32")
    pytest.skip(f"{RUSTC} not installed (apt-get install rustc libstd-rust-dev-wasm32)")


def _build(script: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Run the build script with Debian's rustc, whatever RUSTC the environment names."""
    env = {**os.environ, "RUSTC": str(RUSTC)}
    return subprocess.run(["bash", str(script), str(out)], capture_output=True, text=True, env=env)


def _sidecar(wasm: Path) -> dict:
    return tomllib.loads(wasm.with_suffix(".toml").read_text("utf-8"))


# ---- the bindings -------------------------------------------------------------------------------------


def test_committed_bindings_are_the_manifest_rust_output(capsys):
    assert main(["manifest", "--rust"]) == 0
    printed = capsys.readouterr().out
    assert printed == rust_bindings(load_manifest())
    assert BINDINGS.read_text("utf-8") == printed, "regenerate: ark-conformance manifest --rust > " + str(BINDINGS)


def test_bindings_declare_every_import_and_struct_as_the_manifest_does():
    m = load_manifest()
    text = rust_bindings(m)
    source = parse_source(text)
    assert [f.name for f in source.fns] == [imp.field for imp in m.imports]
    for imp in m.imports:
        fn = source.fn(imp.field)
        assert [(p.name, str(p.type)) for p in fn.params] == [(p.name, p.rust) for p in imp.params]
        assert str(fn.ret) == "ErrorCode"
    assert {s.name: s for s in source.structs if s.repr_c} == {
        name: parse_struct(s.rust) for name, s in m.structs.items()
    }
    assert {name: str(t) for name, t in source.aliases.items()} == m.aliases
    for value in m.error_codes:
        assert f"pub const {value.name}: ErrorCode = ErrorCode({value.value});" in text


def test_each_extern_block_links_exactly_its_modules_imports():
    m = load_manifest()
    blocks = re.findall(r'#\[link\(wasm_import_module = "([^"]+)"\)\]\nextern "C" \{(.*?)\n\}', rust_bindings(m), re.S)
    declared = {module: re.findall(r"^    pub fn (\w+)\(", body, re.M) for module, body in blocks}
    assert declared == {api.module: [imp.field for imp in m.imports if imp.module == api.module] for api in m.apis}


def test_a_changed_manifest_changes_the_bindings():
    m = load_manifest()
    imp = m.imports[0]
    changed = dataclasses.replace(m, imports=(dataclasses.replace(imp, params=imp.params[:-1]),))
    assert rust_bindings(changed) != rust_bindings(m)


def test_generated_bindings_compile_for_wasm32(tmp_path):
    _need_rustc()
    src = tmp_path / "ffi.rs"
    src.write_text("#![no_std]\n" + rust_bindings(load_manifest()), "utf-8")
    argv = [str(RUSTC), "--edition", "2021", "--target", "wasm32-unknown-unknown", "--crate-type", "rlib"]
    argv += ["-D", "warnings", "-o", str(tmp_path / "libffi.rlib"), str(src)]
    done = subprocess.run(argv, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    # ...and a declaration that does not type-check is rejected, so the check above can fail
    src.write_text(src.read_text("utf-8").replace("-> ErrorCode;", "-> NoSuchType;", 1), "utf-8")
    assert subprocess.run(argv, capture_output=True, text=True).returncode != 0


# ---- the builds ---------------------------------------------------------------------------------------


def test_a_missing_rustc_fails_in_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "RUSTC", Path("/nonexistent/rustc"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        _need_rustc()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        _need_rustc()


def test_every_rust_fixture_is_committed_with_its_sidecar():
    assert [p.stem for p in SOURCES] == [p.stem for p in WASM] == ["rust.full-lifecycle", "rust.struct-layouts"]
    for wasm in WASM:
        assert _sidecar(wasm)["id"] == wasm.stem
        assert _sidecar(wasm)["raw"] is True


def test_committed_wasm_is_rebuilt_byte_for_byte(tmp_path):
    _need_rustc()
    version = subprocess.run([str(RUSTC), "-vV"], capture_output=True, text=True, check=True).stdout
    toolchain = [line for line in version.splitlines() if line.startswith(("release:", "LLVM version:"))]
    built_with = TOOLCHAIN.read_text("utf-8").splitlines()
    assert toolchain == built_with, f"the committed .wasm files were built by {built_with}: rebuild and commit"
    done = _build(BUILD, tmp_path)
    assert done.returncode == 0, done.stderr
    for wasm in WASM:
        assert (tmp_path / wasm.name).read_bytes() == wasm.read_bytes(), f"{wasm.name}: rebuild and commit"


def test_a_changed_source_is_not_reproduced(tmp_path):
    """The comparison above can fail: one changed constant gives a different binary."""
    _need_rustc()
    tree = tmp_path / "tree"
    for part in ("fixtures_rust", "scripts"):
        shutil.copytree(ROOT / part, tree / part)
    lifecycle = tree / "fixtures_rust" / "fixtures" / "rust.full-lifecycle.rs"
    lifecycle.write_text(lifecycle.read_text("utf-8").replace("const WORKERS: u32 = 2;", "const WORKERS: u32 = 3;"))
    out = tmp_path / "out"
    assert _build(tree / "scripts" / BUILD.name, out).returncode == 0
    assert (out / LIFECYCLE.name).read_bytes() != LIFECYCLE.read_bytes()
    assert (out / LAYOUTS.name).read_bytes() == LAYOUTS.read_bytes()


# ---- what the fixtures import and expect ----------------------------------------------------------------


@pytest.mark.parametrize("wasm", WASM, ids=lambda p: p.stem)
def test_binary_imports_agree_with_the_manifest(wasm):
    report = validate_interface(interface(load_module(wasm.read_bytes())), wasm.name, load_manifest())
    assert [f.line() for f in report.findings if f.severity == "error"] == []


def test_lifecycle_imports_every_import_and_companion():
    imports = {(i.module, i.name) for i in interface(load_module(LIFECYCLE.read_bytes())).imports}
    assert imports == {(imp.module, imp.field) for imp in load_manifest().imports}


def test_lifecycle_windows_are_the_manifest_sizes_plus_canaries():
    """Each window is 8 canary bytes, the out type's manifest size, 8 canary bytes."""
    m = load_manifest()
    sizes = {**{name: s.size for name, s in m.structs.items()}, "FutureHandle": 8, "TrainingHandle": 8}
    for check in _sidecar(LIFECYCLE)["check"]:
        if "bytes" not in check:
            continue
        pattern = check["bytes"].replace(" ", "")
        assert pattern[:16] == pattern[-16:] == "a5" * 8, check["id"]
        imp = next(i for i in m.imports if i.field == check["call"])
        out = next(p.rust.removeprefix("*mut ") for p in imp.params if p.rust.startswith("*mut "))
        if out != "u8":  # take_future_vec_u8: the length PollVec reported just before
            assert len(pattern) // 2 == 16 + sizes[out], check["id"]


def test_layout_expectations_are_the_manifest_layouts():
    m = load_manifest()
    checks = _sidecar(LAYOUTS)["check"]
    assert [(c["id"], c["observe"], c["bytes"]) for c in checks] == [
        (i, f"layout of {s.name}", layout_hex(s)) for i, s in enumerate(m.structs.values(), 1)
    ]
    assert all("call" not in c and "code" not in c for c in checks), "layouts are observations, not calls"


def test_manifest_layouts_cite_the_layout_fixture_check_that_verifies_them():
    m = load_manifest()
    checks = {c["note"].split(":")[0]: c["id"] for c in _sidecar(LAYOUTS)["check"]}
    for name, s in m.structs.items():
        assert s.provenance.detail.endswith(f"fixture {LAYOUTS.stem}, check {checks[name]}"), name


# ---- runs ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixtures():
    """The corpus's compiled fixtures, as the runner discovers them (``<id>.wasm`` + sidecar ``<id>.toml``)."""
    return {f.id: f for f in corpus_fixtures() if f.id in {w.stem for w in WASM}}


@pytest.mark.parametrize("spec", ["reference", "subprocess"])
@pytest.mark.parametrize("name", [p.stem for p in WASM])
def test_passes_on_the_reference_host(fixtures, name, spec):
    with open_adapter(serve_spec() if spec == "subprocess" else spec) as adapter:
        run = run_case(adapter, fixtures[name], seed=1)
    assert (run.outcome, run.diagnostic) == ("pass", None)


@pytest.mark.parametrize(
    "mutant",
    [
        "SwappedFeaturesActions",
        "WorkerLinkIgnored",
        "CheckpointIgnored",
        "PollVecPadNotWritten",
        "ArkConfigFieldsSwapped",
        "StopLeavesWorkersRunning",
        "StopTrainingStopsWorkers",
        "ExperimentConfigFutureSwapped",
        "PollSimpleWrittenAs8Bytes",
        "WritePastOutputSlot",
    ],
)
def test_lifecycle_catches_a_faulty_host(fixtures, mutant):
    with open_adapter(f"python:{MODULE}:{mutant}") as adapter:
        run = run_case(adapter, fixtures["rust.full-lifecycle"], seed=1)
    assert run.outcome in ("fail", "timeout", "crash"), mutant


def test_layouts_fail_for_a_manifest_layout_rustc_does_not_reproduce(tmp_path):
    """A manifest that put PollVec.len at 5 would expect other bytes; rustc's layout then fails the case."""
    directory = tmp_path / "broken"
    directory.mkdir()
    shutil.copy(LAYOUTS, directory / LAYOUTS.name)
    (directory / "scenarios").symlink_to(CORPUS / "scenarios")
    text = LAYOUTS.with_suffix(".toml").read_text("utf-8")
    broken = text.replace("01000000 03000000 04000000 04000000", "01000000 03000000 05000000 04000000")
    assert broken != text
    (directory / f"{LAYOUTS.stem}.toml").write_text(broken, "utf-8")
    with open_adapter("reference") as adapter:
        run = run_case(adapter, load_fixture(directory / LAYOUTS.name), seed=1)
    assert run.outcome == "fail"
    assert run.diagnostic.message.startswith("check 4 (observe: layout of PollVec): ")
    assert "byte 24: expected 05, got 04" in run.diagnostic.message
