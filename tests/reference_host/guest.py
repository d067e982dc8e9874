"""Test-side driver of the thunk guest: strings in memory, canary-guarded out slots, valid argument sets."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from conformance.hive import HiveSimulator
from conformance.manifest import Import, load_manifest
from reference_host import GuestInstance, HostConfig, ReferenceHost

from .thunk import call_import, thunk_guest

CANARY = 0xA5
GUARD = 8
STRING_AREA = 0x1000
SLOT_AREA = 0x8000

# Valid values of the string arguments, by the manifest's parameter name stem.
DEFAULT_STRINGS = {
    "game_name": "pong",
    "experiment_name": "exp",
    "config": '{"lr": 0.5}',
    "checkpoint": "",
    "run_id": "run-1",
    "cid": "bafy-worker",
}
DEFAULT_INTS = {"num_features": 4, "num_actions": 2, "num_remote_workers": 0}
OUT_PARAMS = ("__ark_ffi_output", "data_ptr")


def manifest_code(name: str) -> int:
    return int(load_manifest().error_codes[name])


def string_params(imp: Import) -> list[str]:
    """Stems of the (ptr, len) string parameters of `imp` (e.g. "hive_url" for hive_url_ptr/len)."""
    names = [p.name for p in imp.params]
    return [
        p.name[: -len("_ptr")]
        for p in imp.params
        if p.rust.startswith("*const") and p.name.endswith("_ptr") and p.name[: -len("_ptr")] + "_len" in names
    ]


def out_param(imp: Import) -> str | None:
    return next((p.name for p in imp.params if p.name in OUT_PARAMS), None)


class Guest:
    """One thunk-guest instance plus the hive address it should use."""

    def __init__(self, inst: GuestInstance, hive_host: str, hive_port: int) -> None:
        self.inst = inst
        self.hive_host = hive_host
        self.hive_port = hive_port
        self._next_string = STRING_AREA

    # -- memory --------------------------------------------------------------------------------------
    def put(self, data: bytes) -> tuple[int, int]:
        """Place `data` in the string area; returns (ptr, len)."""
        ptr = self._next_string
        self.inst.write_memory(ptr, data)
        self._next_string += len(data) + 16
        return ptr, len(data)

    def slot(self, size: int, at: int = SLOT_AREA) -> int:
        """Fill an out slot of `size` bytes and GUARD bytes either side with the canary; returns its ptr."""
        self.inst.write_memory(at - GUARD, bytes([CANARY]) * (size + 2 * GUARD))
        return at

    def window(self, ptr: int, size: int) -> bytes:
        """The slot plus its guards, as written by :meth:`slot`."""
        return self.inst.read_memory(ptr - GUARD, size + 2 * GUARD)

    def slot_value(self, ptr: int, size: int) -> bytes:
        """The slot's bytes, after asserting the guards around it are untouched."""
        window = self.window(ptr, size)
        assert window[:GUARD] == bytes([CANARY]) * GUARD, "bytes before the out slot changed"
        assert window[GUARD + size :] == bytes([CANARY]) * GUARD, "bytes after the out slot changed"
        return window[GUARD : GUARD + size]

    def snapshot(self) -> bytes:
        return self.inst.read_memory(0, self.inst.memory_size)

    # -- calls ---------------------------------------------------------------------------------------
    def call(self, name: str, **kwargs: int) -> int:
        return call_import(self.inst, name, **kwargs)

    def args(self, name: str, out: int | None = None, **overrides: Any) -> dict[str, int]:
        """A valid argument set for import `name`; strings by stem (`run_id="x"`), raw params by name.

        String overrides may be str or bytes; raw overrides (`hive_port=0`, `run_id_len=9`) win last.
        """
        imp = load_manifest().import_named(name)
        args: dict[str, int] = {}
        stems = string_params(imp)
        for stem in stems:
            value = overrides.pop(stem, self.hive_host if stem == "hive_url" else DEFAULT_STRINGS.get(stem, ""))
            data = value.encode("utf-8") if isinstance(value, str) else value
            args[f"{stem}_ptr"], args[f"{stem}_len"] = self.put(data)
        for p in imp.params:
            if p.name in args:
                continue
            if p.name == "hive_port":
                args[p.name] = self.hive_port
            elif p.name in DEFAULT_INTS:
                args[p.name] = DEFAULT_INTS[p.name]
            elif p.name in OUT_PARAMS:
                args[p.name] = SLOT_AREA if out is None else out
            else:
                args[p.name] = 0  # handles and lengths: the test overrides what matters
        unknown = set(overrides) - set(args)
        if unknown:
            raise TypeError(f"{name} has no parameter(s) {sorted(unknown)}")
        args.update(overrides)
        return args

    def invoke(self, name: str, out: int | None = None, **overrides: Any) -> int:
        return self.call(name, **self.args(name, out, **overrides))

    # -- futures -------------------------------------------------------------------------------------
    def create(self, name: str, **overrides: Any) -> int:
        """Call a future-creating import with valid args; returns the FutureHandle (asserting Success)."""
        ptr = self.slot(8)
        code = self.invoke(name, out=ptr, **overrides)
        assert code == manifest_code("Success"), f"{name} returned {code}"
        return int.from_bytes(self.slot_value(ptr, 8), "little")

    def poll(self, name: str, handle: int) -> tuple[int, bytes]:
        imp = load_manifest().import_named(name)
        size = 1 if imp.out_type == "PollSimple" else 8
        ptr = self.slot(size, SLOT_AREA + 0x100)
        code = self.call(name, handle=handle, __ark_ffi_output=ptr)
        return code, self.slot_value(ptr, size)

    def wait(self, name: str, handle: int, timeout: float = 5.0) -> tuple[int, bytes]:
        """Poll until the future is ready or failed; returns the last (code, PollSimple/PollVec bytes)."""
        end = time.monotonic() + timeout
        while True:
            code, out = self.poll(name, handle)
            if code != manifest_code("Success") or out[0] == 1:
                return code, out
            if time.monotonic() > end:
                raise TimeoutError(f"{name}({handle}) still pending after {timeout} s")
            time.sleep(0.002)

    def take(self, name: str, handle: int, size: int, data_len: int | None = None) -> tuple[int, bytes]:
        ptr = self.slot(size, SLOT_AREA + 0x200)
        kwargs = {"handle": handle, "data_ptr": ptr}
        if data_len is not None:
            kwargs["data_len"] = data_len
        code = self.call(name, **kwargs)
        return code, self.slot_value(ptr, size)

    def training_handle(self, name: str = "start_training", **overrides: Any) -> int:
        """Create a training future, wait for it, take it; returns the TrainingHandle."""
        future = self.create(name, **overrides)
        code, _ = self.wait("poll_future_training_handle", future)
        assert code == manifest_code("Success")
        code, data = self.take("take_future_training_handle", future, 8)
        assert code == manifest_code("Success")
        return int.from_bytes(data, "little")


@contextmanager
def configured_guest(sim: HiveSimulator, *, loopback: bool = False, **config: Any) -> Iterator[Guest]:
    """A Guest on a thunk instance of a reference host with ``HostConfig(**config)``, talking to ``sim``
    (respx in-process, or its loopback server)."""
    backend = sim.loopback_server() if loopback else sim.respx_backend()
    with ReferenceHost(HostConfig(**config)) as host, backend as address, host.instantiate(thunk_guest()) as inst:
        yield Guest(inst, address.host, address.port)
