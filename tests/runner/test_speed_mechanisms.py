"""The mechanisms that make a run fast must not change what it judges (docs/speed.md): the compiled-module
disk cache, the reply-schema fast path, the chunked depth check, `-k` loading only what it selects, the
lazy CLI, fixture `host_settings`, the served host built right after `hello`, and the frame wait that ends
early when a background future does."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import time

import pytest
import wasmtime

from conformance import wasm as wasm_module
from conformance.adapters.subprocess import _plainly_valid, _validator
from conformance.cli import main
from conformance.json_text import nesting_depth, nests_deeper
from conformance.runner import FixtureError, load_fixture

from .helpers import ROOT, example_text, fixture_dir, write_variant

MODULE = wasm_module.compile_wat('(module (memory (export "memory") 1) (func (export "f") (result i32) i32.const 7))')


def _forget_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh in-memory module cache, as in a new process."""
    monkeypatch.setattr(wasm_module, "_modules", {})


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("compiled although the disk cache holds the module")

    monkeypatch.setattr(
        wasm_module.wasmtime,
        "Module",
        type("NoCompile", (), {"__init__": refuse, **{"deserialize": staticmethod(wasmtime.Module.deserialize)}}),
    )


def _entries(root) -> list:
    return sorted(root.rglob("*.cwasm"))


def _compiled_into(tmp_path, monkeypatch):
    """Compile MODULE with a fresh memory cache and the disk cache in `tmp_path`: its one disk entry."""
    monkeypatch.setenv("ARK_CONFORMANCE_CACHE", str(tmp_path))
    _forget_modules(monkeypatch)
    wasm_module.compile_module(wasm_module.engine(), MODULE)
    (entry,) = _entries(tmp_path)
    return entry


def test_compiled_module_is_read_back_from_disk_not_compiled_again(tmp_path, monkeypatch):
    entry = _compiled_into(tmp_path, monkeypatch)
    engine = wasm_module.engine()
    assert f"wasmtime-{wasm_module._wasmtime_version()}" in str(entry) and "default" in entry.parts
    _forget_modules(monkeypatch)
    _no_compiling(monkeypatch)
    module = wasm_module.compile_module(engine, MODULE)
    instance = wasmtime.Instance(store := wasmtime.Store(engine), module, [])
    assert instance.exports(store)["f"](store) == 7


def test_a_damaged_cache_entry_is_compiled_afresh_and_replaced(tmp_path, monkeypatch):
    entry = _compiled_into(tmp_path, monkeypatch)
    engine = wasm_module.engine()
    good = entry.read_bytes()
    entry.write_bytes(good[:-40] + bytes(40))  # same length, the checksum no longer matches
    _forget_modules(monkeypatch)
    module = wasm_module.compile_module(engine, MODULE)
    assert [e.name for e in module.exports] == ["memory", "f"]
    assert entry.read_bytes() == good
    _forget_modules(monkeypatch)
    entry.write_bytes(good[:-40] + bytes(40))
    _no_compiling(monkeypatch)
    with pytest.raises(AssertionError, match="compiled although"):  # the damaged entry was not trusted
        wasm_module.compile_module(engine, MODULE)


def test_disk_cache_off_when_disabled_or_for_an_engine_of_unknown_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("ARK_CONFORMANCE_CACHE", str(tmp_path))
    _forget_modules(monkeypatch)
    other = wasmtime.Engine()
    first = wasm_module.compile_module(other, MODULE, None)
    assert _entries(tmp_path) == [] and wasm_module.compile_module(other, MODULE, None) is first
    assert wasm_module.compile_module(wasm_module.engine(), MODULE) is not first  # per Engine object
    monkeypatch.setenv("ARK_CONFORMANCE_CACHE", "")
    _forget_modules(monkeypatch)
    wasm_module.compile_module(wasm_module.engine(), MODULE)
    assert len(_entries(tmp_path)) == 1  # only the one written while the cache was on


def test_reply_fast_path_accepts_only_what_the_schema_accepts():
    values = [
        0,
        -1,
        1 << 63,
        (1 << 64) - 1,
        1 << 64,
        -(1 << 63) - 1,
        True,
        1.0,
        "0",
        "-0",
        "01",
        "18446744073709551615",
        "123456789012345678901",
        None,
        [],
        "",
        "AAAA",
        "AA==",
        "AAA=",
        "A",
        "A===",
        65536,
        (1 << 48) + 1,
    ]
    fields = {"call": "results", "memory_size": "size", "instantiate": "instance", "read_memory": "data_b64"}
    rng = random.Random(7)
    accepted = 0
    for op in [*fields, "write_memory", "close_instance"]:
        for _ in range(1500):
            reply: dict = {"id": 1, "ok": rng.choice([True, True, False, 1, None])}
            if op in fields:
                value = rng.choice(values)
                reply[fields[op]] = [rng.choice(values) for _ in range(rng.randrange(3))] if op == "call" else value
            if _plainly_valid(reply, op):
                accepted += 1
                definition = "ok_" + ("empty" if op in ("write_memory", "close_instance") else op)
                assert not list(_validator(definition).iter_errors(reply)), (op, reply)
    assert accepted > 1000  # the fast path is taken, not just always declined


@pytest.mark.parametrize("limit", [0, 1, 5, 128])
def test_chunked_depth_check_agrees_with_the_full_depth(limit, monkeypatch):
    monkeypatch.setattr("conformance.json_text._CHUNK", 7)  # many chunk boundaries in small texts
    rng = random.Random(limit)
    for _ in range(400):
        text = "".join(rng.choice('[]{}"a,') for _ in range(rng.randrange(200)))
        assert nests_deeper(text, limit) == (nesting_depth(text) > limit), text
    assert nests_deeper("[" * 130 + "]" * 130, 128) and not nests_deeper("[" * 128 + "]" * 128, 128)


def test_k_loads_only_the_selected_fixtures_and_records_the_whole_set(tmp_path, capsys):
    directory = fixture_dir(tmp_path, "start_training.success", "start_training.port-zero")
    full = tmp_path / "full.json"
    assert main(["run", "--host", "reference", "-q", "--fixtures", str(directory), "--json", str(full)]) == 0
    write_variant(directory, "zz.broken", example_text("zz.broken").replace('scenario = "one-run"', "scenario = 3"))
    one = tmp_path / "one.json"
    argv = ["run", "--host", "reference", "-q", "--fixtures", str(directory), "--json", str(one), "-k", "port-zero"]
    assert main(argv) == 0  # the broken fixture is not selected, so not linted
    assert main([*argv[:-1], "zz.broken"]) == 2 and "scenario" in capsys.readouterr().err
    assert json.loads(one.read_text())["selection"]["fixture_count"] == 3  # the broken one counts in the set
    (directory / "zz.broken.wat").unlink()
    assert (
        main(["run", "--host", "reference", "-q", "--fixtures", str(directory), "--json", str(one), "-k", "zero"]) == 0
    )
    assert (
        json.loads(one.read_text())["selection"]["fixture_set_sha256"]
        == json.loads(full.read_text())["selection"]["fixture_set_sha256"]
    )


def test_a_command_imports_only_its_own_module():
    """`list` loads its own module (and what it imports), not every command: before, all were imported."""
    code = (
        "import sys; from conformance.cli import main; main(['list', '--fixtures', 'fixtures_wat']); "
        "print(' '.join(m for m in sys.modules if m.startswith('conformance.commands.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    loaded = set(out.splitlines()[-1].split())
    assert "conformance.commands.list" in loaded
    assert not loaded & {f"conformance.commands.{name}" for name in ("coverage", "fuzz", "probe", "matrix", "hive")}


def test_host_settings_header_is_checked(tmp_path):
    directory = fixture_dir(tmp_path)
    good = write_variant(
        directory,
        "hinted",
        example_text("hinted").replace(
            'scenario = "one-run"', 'scenario = "one-run"\n;;@ host_settings = { request_timeout_seconds = 0.1 }'
        ),
    )
    assert load_fixture(good).host_settings == {"request_timeout_seconds": 0.1}
    for bad in ("{ max_download_bytes = 1 }", "{ max_outstanding_futures = 1 }", "{}"):
        path = write_variant(
            directory,
            "hinted",
            example_text("hinted").replace('scenario = "one-run"', f'scenario = "one-run"\n;;@ host_settings = {bad}'),
        )
        with pytest.raises(FixtureError, match="host_settings"):
            load_fixture(path)


def test_served_host_is_built_right_after_hello():
    from reference_host import ReferenceHost, reference_description
    from reference_host.serve import Server, serve

    built = []  # hello itself is answered from the manifest (reference_description), without a host
    server = Server(lambda _timeout: built.append(time.monotonic()) or ReferenceHost(), reference_description)
    serve(server, io.BytesIO(b'{"id": 1, "op": "hello", "protocol": 2}\n'), io.BytesIO())
    deadline = time.monotonic() + 30
    while not built and time.monotonic() < deadline:
        time.sleep(0.01)
    assert built, "no instantiate was asked for, yet the host must have been built"
    server.close()


def test_a_document_found_valid_is_not_validated_again_and_an_invalid_one_always_is(tmp_path, monkeypatch):
    import jsonschema

    from conformance import cache

    monkeypatch.setenv("ARK_CONFORMANCE_CACHE", str(tmp_path))
    monkeypatch.setattr(cache, "_valid", set())
    schema = {"type": "object", "required": ["a"]}
    assert not cache.known_valid(schema, {"a": 1})
    cache.remember_valid(schema, {"a": 1})
    monkeypatch.setattr(cache, "_valid", set())  # a new process: only the disk entry is left
    assert cache.known_valid(schema, {"a": 1})
    assert not cache.known_valid({**schema, "required": ["b"]}, {"a": 1})  # another schema: validate again
    assert not cache.known_valid(schema, {"a": 2})

    directory = fixture_dir(tmp_path)
    good = write_variant(directory, "fine", example_text("fine"))
    load_fixture(good)  # validated once, remembered

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(jsonschema, "Draft202012Validator", refuse)
    load_fixture(good)
    bad = write_variant(directory, "fine", example_text("fine").replace('scenario = "one-run"', "scenario = 3"))
    with pytest.raises(AssertionError, match="validated again"):  # never remembered as valid: checked anew
        load_fixture(bad)


class _Stepper:
    """A guest that is done at its third `conformance_step`; `wait_background` when `waits` is a list."""

    def __init__(self, waits: list[float] | None) -> None:
        self.steps = 0
        if waits is not None:
            self.wait_background = lambda timeout: waits.append(timeout) or True

    def call(self, export: str, *args: int, timeout: float | None = None) -> list[int]:
        self.steps += 1
        return [1 if self.steps == 3 else 0]


def test_frames_wait_on_the_instance_capped_at_the_frame_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pause between steps is the instance's wait_background(frame_interval), not a sleep: the early
    wake-up when a future ends (docs/speed.md), with every frame still bounded by the frame interval."""
    from conformance import guest_protocol

    slept: list[float] = []
    monkeypatch.setattr(guest_protocol.time, "sleep", slept.append)
    waits: list[float] = []
    driver = guest_protocol.Driver(_Stepper(waits), time.monotonic() + 60, frame_interval=0.25)  # type: ignore[arg-type]
    assert driver.step_until_done() == 1
    assert (waits, slept) == ([0.25, 0.25], [])
    plain = guest_protocol.Driver(_Stepper(None), time.monotonic() + 60, frame_interval=0.25)  # type: ignore[arg-type]
    assert plain.step_until_done() == 1
    assert slept == [0.25, 0.25]  # an instance without wait_background: the frame is slept out


def test_a_finished_background_request_ends_the_frame_wait() -> None:
    """The reference host's wait returns True once a background job has ended (set by the job, not by the
    timeout: the timeout here is far longer than the test), and False when nothing ended since."""
    from reference_host.hive_client import HiveClient

    client = HiveClient(timeout_seconds=1.0, max_download_bytes=1, max_workers=1)
    try:
        assert client.wait_for_change(0) is False
        job = client.submit(lambda: 7)
        assert client.wait_for_change(30) is True
        assert job.result(timeout=30) == 7
        assert client.wait_for_change(0) is False
    finally:
        client.close()


def test_the_in_process_adapter_passes_the_wait_to_its_host(monkeypatch: pytest.MonkeyPatch) -> None:
    """InProcessInstance.wait_background asks the host's instance when it offers the wait, else sleeps."""
    from conformance.adapters import base
    from conformance.adapters.inprocess import InProcessInstance

    slept: list[float] = []
    monkeypatch.setattr(base.time, "sleep", slept.append)
    asked: list[float] = []
    waiting = type("Waiting", (), {"wait_background": lambda self, t: asked.append(t) or True})()
    assert InProcessInstance(waiting, preemptible=False).wait_background(0.5) is True
    assert InProcessInstance(object(), preemptible=False).wait_background(0.5) is False
    assert (asked, slept) == ([0.5], [0.5])
