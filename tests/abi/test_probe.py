"""The host link probe reports every manifest import a host lacks or mistypes, and nothing else."""

from __future__ import annotations

import json
import shlex
import sys
import types
from pathlib import Path

import pytest
import wasmtime

from conformance.cli import EXIT_BAD_INPUT, EXIT_NONCONFORMING, EXIT_OK, main
from conformance.manifest import load_manifest
from conformance.validator import Incompatible, probe_host, provided_by_guest, read_guest
from conformance.wasm import FuncSig, engine

from ._data import GUESTS

ROOT = Path(__file__).resolve().parents[2]

ALL = provided_by_guest(read_guest(GUESTS / "import_all.wat")[1])
DROP = ("ark-ml-v1", "ml__drop_future")
STOP = ("ark-ml-v2", "ml__stop_experiment")


def _by_key(report):
    return {(e.module, e.field): e for e in report.entries}


def test_a_host_providing_import_all_links():
    report = probe_host(ALL)
    assert report.ok and len(report.entries) == len(load_manifest().imports) and report.extra == ()


def test_missing_imports_are_each_reported():
    provided = {k: v for k, v in ALL.items() if k not in (DROP, STOP)}
    report = probe_host(provided)
    assert not report.ok
    assert {(e.module, e.field) for e in report.failing} == {DROP, STOP}
    assert all(e.status == "missing" for e in report.failing)


def test_a_mistyped_import_names_the_parameter():
    report = probe_host({**ALL, DROP: FuncSig(("i32",), ("i32",))})
    entry = _by_key(report)[DROP]
    assert entry.status == "mistyped" and entry.found == "(func (param i32) (result i32))"
    assert "parameter `handle` (#1, FutureHandle) is i32 where i64 is due" in entry.problems[0]
    assert [e.field for e in report.failing] == ["ml__drop_future"]


def test_wasmtime_func_types_and_non_functions_are_understood():
    i64, i32 = wasmtime.ValType.i64(), wasmtime.ValType.i32()
    provided = {**ALL, DROP: wasmtime.FuncType([i64], [i32]), STOP: wasmtime.MemoryType(wasmtime.Limits(1, None))}
    report = probe_host(provided)
    assert _by_key(report)[DROP].status == "ok"
    assert _by_key(report)[STOP].problems == ("provided as MemoryType, not a function",)


def test_core_profile_ignores_extended_imports():
    m = load_manifest()
    core_only = {k: v for k, v in ALL.items() if m.find_import(*k).profile == "core"}
    assert not probe_host(core_only).ok
    report = probe_host(core_only, profile="core")
    assert report.ok and {e.profile for e in report.entries} == {"core"}


def test_extra_ark_functions_are_listed_but_do_not_fail():
    report = probe_host({**ALL, ("ark-ml-v1", "ml__list_experiments"): FuncSig(("i32",), ("i32",))})
    assert report.ok and report.extra == ("ark-ml-v1::ml__list_experiments",)


def test_cli_imports_of_import_all_link(capsys):
    assert main(["probe", "--imports", str(GUESTS / "import_all.wat")]) == EXIT_OK
    assert "links; 16 of 16 manifest imports ok" in capsys.readouterr().out


def test_cli_reports_a_partial_host_as_json(capsys):
    assert main(["probe", "--json", "--imports", str(GUESTS / "probe" / "partial_host.wat")]) == EXIT_NONCONFORMING
    doc = json.loads(capsys.readouterr().out)
    assert doc["mistyped"] == ["ark-ml-v1::ml__drop_future"]
    assert sorted(doc["missing"]) == sorted(i.key for i in load_manifest().imports if i.module == "ark-ml-v2")
    assert doc["extra"] == ["ark-ml-v1::ml__list_experiments"]


def test_cli_unreadable_imports_file_exits_2(tmp_path, capsys):
    assert main(["probe", "--imports", str(tmp_path / "missing.wasm")]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err.count("\n") == 1


# --------------------------------------------------------------------- --host reference, faked -------


def _fake_reference_host(monkeypatch, provide: dict, error: type[Exception] | None = None) -> None:
    """Install a stand-in `reference_host` with the design.md §4 API, linking exactly `provide`."""

    class ReferenceHost:
        closed = False

        def instantiate(self, wasm: bytes):
            linker = wasmtime.Linker(engine())
            for (module, field), ty in provide.items():
                linker.define_func(module, field, ty, lambda *args: 0)
            try:
                return linker.instantiate(wasmtime.Store(engine()), wasmtime.Module(engine(), wasm))
            except wasmtime.WasmtimeError as exc:
                if error is None:
                    raise
                raise error("link failed") from exc

        def close(self) -> None:
            type(self).closed = True

    fake = types.ModuleType("reference_host")
    fake.ReferenceHost = ReferenceHost  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "reference_host", fake)


def _func_type(sig: FuncSig) -> wasmtime.FuncType:
    def val(t):
        return getattr(wasmtime.ValType, t)()

    return wasmtime.FuncType([val(t) for t in sig.params], [val(t) for t in sig.results])


def test_reference_host_providing_everything_links(monkeypatch, capsys):
    _fake_reference_host(monkeypatch, {k: _func_type(v) for k, v in ALL.items()})
    assert main(["probe", "--host", "reference"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("reference: links")
    assert sys.modules["reference_host"].ReferenceHost.closed


def test_reference_host_missing_and_mistyped_imports_are_told_apart(monkeypatch, capsys):
    provide = {k: _func_type(v) for k, v in ALL.items() if k != STOP}
    provide[DROP] = _func_type(FuncSig(("i32",), ("i32",)))
    _fake_reference_host(monkeypatch, provide)
    assert main(["probe", "--json"]) == EXIT_NONCONFORMING  # --host reference is the default
    doc = json.loads(capsys.readouterr().out)
    assert (doc["missing"], doc["mistyped"]) == (["ark-ml-v2::ml__stop_experiment"], ["ark-ml-v1::ml__drop_future"])
    entry = next(e for e in doc["entries"] if e["field"] == "ml__drop_future")
    assert entry["found"] == "(func (param i32) (result i32))"


def test_reference_host_opaque_link_errors_count_as_mistyped(monkeypatch, capsys):
    class LinkError(Exception):
        pass

    provide = {k: _func_type(v) for k, v in ALL.items()}
    provide[DROP] = _func_type(FuncSig(("i64", "i64"), ("i32",)))
    _fake_reference_host(monkeypatch, provide, error=LinkError)
    assert main(["probe", "--json"]) == EXIT_NONCONFORMING
    doc = json.loads(capsys.readouterr().out)
    assert doc["mistyped"] == ["ark-ml-v1::ml__drop_future"] and doc["missing"] == []
    assert next(e for e in doc["entries"] if e["field"] == "ml__drop_future")["problems"] == ["link failed"]


def test_incompatible_marker_is_reported_with_its_reason():
    report = probe_host({**ALL, DROP: Incompatible("host said no")})
    assert _by_key(report)[DROP].problems == ("host said no",)


def test_reference_host_unavailable_exits_2_with_one_line(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "reference_host", None)  # import fails, whether or not it is installed
    assert main(["probe", "--host", "reference"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the reference host is not available" in err


def test_unknown_profile_is_refused():
    with pytest.raises(ValueError, match="unknown profile"):
        probe_host(ALL, profile="gold")


def test_reference_host_that_links_nothing_is_unavailable_not_all_mistyped(monkeypatch, capsys):
    class ReferenceHost:
        def instantiate(self, wasm: bytes):
            raise RuntimeError("boom")

    fake = types.ModuleType("reference_host")
    fake.ReferenceHost = ReferenceHost  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "reference_host", fake)
    assert main(["probe"]) == EXIT_BAD_INPUT
    assert "refuses a guest with no imports: boom" in capsys.readouterr().err


# --------------------------------------------------------------------- --host any spec -------------

MISBEHAVING = ROOT / "tests" / "adapters" / "misbehaving" / "host.py"


def _subprocess(*argv: str) -> str:
    return "subprocess:" + shlex.join([sys.executable, *argv])


def test_subprocess_reference_host_links_through_the_imports_op(capsys):
    assert main(["probe", "--host", _subprocess("-m", "reference_host.serve")]) == EXIT_OK
    assert "links; 16 of 16 manifest imports ok" in capsys.readouterr().out


def test_subprocess_host_reporting_a_mistyped_and_a_missing_import(capsys):
    assert main(["probe", "--json", "--host", _subprocess(str(MISBEHAVING), "imports-mistyped")]) == EXIT_NONCONFORMING
    doc = json.loads(capsys.readouterr().out)
    assert (doc["missing"], doc["mistyped"]) == (["ark-ml-v2::ml__stop_experiment"], ["ark-ml-v1::ml__drop_future"])


def test_subprocess_host_of_protocol_1_is_probed_by_linking(capsys):
    """A v1 host has no `imports` op: probe links one-import guests through it, as for the reference host."""
    spec = _subprocess("-m", "reference_host.serve", "--host-class", "tests.abi.probe_hosts:NoStopHost")
    assert main(["probe", "--json", "--host", spec]) == EXIT_NONCONFORMING  # v2: the imports op
    assert json.loads(capsys.readouterr().out)["missing"] == ["ark-ml-v2::ml__stop_experiment"]
    assert main(["probe", "--host", _subprocess(str(MISBEHAVING), "v1")]) == EXIT_OK
    assert "links; 16 of 16 manifest imports ok" in capsys.readouterr().out


def test_in_process_host_class_is_probed_by_linking(capsys):
    assert main(["probe", "--json", "--host", "python:tests.abi.probe_hosts:NoStopHost"]) == EXIT_NONCONFORMING
    doc = json.loads(capsys.readouterr().out)
    assert (doc["missing"], doc["mistyped"]) == (["ark-ml-v2::ml__stop_experiment"], [])


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (_subprocess(str(MISBEHAVING), "imports-garbage"), "invalid 'imports' reply: imports/0: 'name' is a required"),
        (_subprocess(str(MISBEHAVING), "hello-no-name"), "did not start: host broke the subprocess protocol"),
        ("subprocess:/nonexistent/host", "cannot start host '/nonexistent/host'"),
        ("python:no_such_module:Host", "cannot import host module 'no_such_module'"),
        ("elsewhere", "unknown host spec 'elsewhere'"),
    ],
)
def test_probe_of_a_broken_host_is_one_line_and_exit_2(capsys, spec, message):
    assert main(["probe", "--host", spec]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err
