"""Pointer rules for every import, driven by the manifest: unsigned, bounds-checked, memory unchanged."""

from __future__ import annotations

import pytest

from conformance.hive import HiveSimulator
from conformance.manifest import load_manifest
from conformance.wasm import compile_wat
from reference_host import ReferenceHost
from reference_host._abi import type_size

from .guest import Guest, manifest_code, out_param, string_params

SUCCESS, INVALID = manifest_code("Success"), manifest_code("InvalidArguments")
IMPORTS = load_manifest().imports
STRING_CASES = [(imp.name, stem) for imp in IMPORTS for stem in string_params(imp)]
OUT_CASES = [imp.name for imp in IMPORTS if out_param(imp)]


def out_size(name: str) -> int:
    imp = load_manifest().import_named(name)
    if imp.out_type:
        return type_size(imp.out_type)
    target = next(p.rust for p in imp.params if p.name == out_param(imp))
    return type_size(target.removeprefix("*mut ").strip())


def bad_string_ranges(guest: Guest) -> list[tuple[int, int]]:
    size = guest.inst.memory_size
    return [(0xFFFF_FFF0, 32), (0xFFFF_FFFF, 1), (size - 4, 5), (size, 1), (4, 0xFFFF_FFFF), (0x8000_0000, 16)]


@pytest.mark.parametrize(("name", "stem"), STRING_CASES, ids=lambda v: str(v))
def test_out_of_bounds_string_is_invalid(guest: Guest, sim: HiveSimulator, name: str, stem: str) -> None:
    for ptr, length in bad_string_ranges(guest):
        args = guest.args(name, **{f"{stem}_ptr": ptr, f"{stem}_len": length})
        before = guest.snapshot()
        assert guest.call(name, **args) == INVALID, (ptr, length)
        assert guest.snapshot() == before
    assert sim.requests == []
    assert guest.inst.futures_count == 0


@pytest.mark.parametrize("name", OUT_CASES)
def test_out_pointer_past_memory_is_invalid(guest: Guest, sim: HiveSimulator, name: str) -> None:
    size = out_size(name)
    end = guest.inst.memory_size
    for ptr in (end - size + 1, end, 0xFFFF_FFFF, 0x1_0000_0000 - size, 0x8000_0000):
        args = guest.args(name, out=ptr)
        if "data_len" in args:
            args["data_len"] = size
        before = guest.snapshot()
        assert guest.call(name, **args) == INVALID, hex(ptr)
        assert guest.snapshot() == before
    assert sim.requests == []
    assert guest.inst.futures_count == 0


@pytest.mark.parametrize("name", [imp.name for imp in IMPORTS if imp.future])
def test_out_pointer_at_the_very_end_and_unaligned_works(guest: Guest, name: str) -> None:
    end = guest.inst.memory_size
    for ptr in (end - 8, 0x8003):
        guest.inst.write_memory(ptr - 1, b"\xa5" * 9 if ptr + 8 == end else b"\xa5" * 10)
        assert guest.invoke(name, out=ptr) == SUCCESS
        handle = int.from_bytes(guest.inst.read_memory(ptr, 8), "little")
        assert handle > 0 and guest.inst.read_memory(ptr - 1, 1) == b"\xa5"
        if ptr + 8 < end:
            assert guest.inst.read_memory(ptr + 8, 1) == b"\xa5"


def test_rust_style_empty_strings_anywhere(guest: Guest, sim: HiveSimulator) -> None:
    for ptr in (1, 0, guest.inst.memory_size, 0xFFFF_FFFF):
        assert guest.call("set_worker_module_link", cid_ptr=ptr, cid_len=0) == SUCCESS
        assert (
            guest.invoke(
                "start_training_from_checkpoint",
                checkpoint_ptr=ptr,
                checkpoint_len=0,
                game_name_ptr=ptr,
                game_name_len=0,
            )
            == SUCCESS
        )
    requests = sim.wait_for_requests("start", 4, timeout=5)
    assert all(r.json["checkpoint"] is None and r.json["game_name"] == "" for r in requests)


def test_grown_memory_is_used_at_every_call(guest: Guest, sim: HiveSimulator) -> None:
    old_end = guest.inst.memory_size
    assert guest.invoke("start_training", out=old_end + 8) == INVALID
    assert guest.inst.call("grow", 1) == [old_end // 65536]
    run_id = b"run-1"
    guest.inst.write_memory(old_end + 100, run_id)
    ptr = guest.slot(8, at=old_end + 1000)
    assert guest.invoke("connect_to_experiment", out=ptr, run_id_ptr=old_end + 100, run_id_len=len(run_id)) == SUCCESS
    assert int.from_bytes(guest.slot_value(ptr, 8), "little") > 0
    assert sim.wait_for_requests("connect", timeout=5)[0].path == "/api/v1/runs/run-1/connect"


def test_guest_without_memory_gets_invalid_arguments(host: ReferenceHost) -> None:
    imp = load_manifest().import_named("set_worker_module_link")
    wat = f"""(module (import "{imp.module}" "{imp.field}" (func $f {imp.wat_type()}))
      (func (export "go") (param i32 i32) (result i32) (call $f (local.get 0) (local.get 1))))"""
    with host.instantiate(compile_wat(wat)) as inst:
        assert inst.memory_size == 0
        assert inst.call("go", 0, 4) == [INVALID]
        assert inst.call("go", 1, 0) == [SUCCESS]
