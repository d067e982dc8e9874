"""The reference host behind the subprocess protocol: `python -m reference_host.serve`.

Reads one JSON request per line on stdin and answers one JSON line on stdout (docs/subprocess-protocol.md,
versions 2 and 1). Only the primitives live here (instantiate, call, memory access); the guest protocol
and judging stay in the runner, so this process is what a host in another language would have to
implement.

Why the lazy start: `hello` is answered from the manifest's plain data before wasmtime is imported, and
the host is built only when the first request needs it, with the settings `hello` carried.

`--host-class MODULE:CLASS` serves another in-process host class (a mutant) the same way.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import gc
import json
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO

from ._loading import (
    CORPUS_REQUEST_TIMEOUT,
    HostDescription,
    HostsBySettings,
    construct,
    describe_exception,
    describe_host,
    load_class,
    reference_class,
    reference_description,
    results_of,
    setting_options,
    without_async_http,
)

PROTOCOLS = (1, 2)
_I32 = (-(1 << 31), 1 << 32)
_I64 = (-(1 << 63), 1 << 64)


class RequestError(Exception):
    """A request the server answers with ok = false; `kind` is one of the protocol's error kinds."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _error(request: dict[str, Any], kind: str, message: str) -> dict[str, Any]:
    return {"id": request.get("id"), "ok": False, "error": {"kind": kind, "message": message}}


def _int(value: Any, what: str) -> int:
    """A request integer (a JSON integer, or in v2 an i64 decimal string); bad_request otherwise."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise RequestError("bad_request", f"{what} must be an integer, not {value!r}"[:200])
    try:
        return int(value)
    except ValueError:
        raise RequestError("bad_request", f"{what} is not a decimal integer: {value!r}"[:200]) from None


def _b64(text: Any, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, TypeError, ValueError):
        raise RequestError("bad_request", f"{what} is not base64") from None


class _Served:
    """One instance and the result types of its exports (from `instantiate`'s `exports` list)."""

    def __init__(self, instance: Any, result_types: dict[str, tuple[str, ...]]) -> None:
        self.instance = instance
        self.result_types = result_types


class Server:
    """Dispatches protocol requests to one host object, built on first use; instances numbered from 1.

    `host_factory(request_timeout)` builds the host; `describe(request_timeout)` answers `hello` without
    building it (None: build the host and describe the object). `settings_factory(request_timeout,
    settings)`, when given, builds the host an `instantiate` with `settings` runs on (one per distinct
    settings, built on first use); without it such settings are ignored."""

    def __init__(
        self,
        host_factory: Callable[[float], Any],
        describe: Callable[[float], HostDescription] | None = None,
        request_timeout: float = CORPUS_REQUEST_TIMEOUT,
        settings_factory: Callable[[float, dict[str, float]], Any] | None = None,
    ) -> None:
        self._factory = host_factory
        self._describe = describe
        self._settings_factory = settings_factory
        self.request_timeout = request_timeout
        self.protocol = 1  # until a hello says otherwise: a runner that never says hello speaks v1
        self._host: Any = None
        self._building = threading.Lock()
        self._variants = HostsBySettings(self._build_variant)
        self.instances: dict[int, _Served] = {}
        self._next = 0

    @property
    def host(self) -> Any:
        with self._building:
            if self._host is None:
                self._host = self._factory(self.request_timeout)
            return self._host

    def warm(self) -> None:
        """Build the host on a background thread (after `hello` is answered): the imports it needs then
        overlap with the runner's own start-up instead of delaying the first `instantiate`."""
        threading.Thread(target=lambda: self.host, daemon=True, name="warm-host").start()

    def _build_variant(self, options: dict[str, float]) -> Any:
        assert self._settings_factory is not None  # host_for asks only when there is one
        return self._settings_factory(self.request_timeout, options)  # the timeout `hello` settled

    def host_for(self, settings: Any) -> Any:
        """The host an instance with these `instantiate` settings runs on (the plain host when none apply)."""
        options = setting_options(settings) if isinstance(settings, dict) and self.protocol >= 2 else {}
        if not options or self._settings_factory is None:
            return self.host
        return self._variants.get(options)

    def handle(self, request: dict[str, Any]) -> dict[str, Any]:
        op = request.get("op")
        handler = getattr(self, f"op_{op}", None) if isinstance(op, str) else None
        try:
            if handler is None:
                raise RequestError("bad_request", f"unknown op {op!r}")
            body = handler(request)
        except RequestError as exc:
            return _error(request, exc.kind, str(exc))
        except Exception as exc:  # a bug of the server: reported, and the process keeps serving
            return _error(request, "internal", describe_exception(exc))
        return {"id": request.get("id"), "ok": True, **body}

    def _served(self, request: dict[str, Any]) -> _Served:
        try:
            return self.instances[int(request["instance"])]
        except (KeyError, TypeError, ValueError):
            raise RequestError("bad_request", f"no instance {request.get('instance')!r}") from None

    def op_hello(self, request: dict[str, Any]) -> dict[str, Any]:
        wanted = request.get("protocol", 1)
        if isinstance(wanted, bool) or not isinstance(wanted, int) or wanted < PROTOCOLS[0]:
            raise RequestError("bad_request", f"protocol {wanted!r}: this host speaks 1 and 2")
        self.protocol = min(wanted, PROTOCOLS[-1])
        settings = request.get("settings") or {}
        timeout = settings.get("request_timeout_seconds") if isinstance(settings, dict) else None
        valid = isinstance(timeout, int | float) and not isinstance(timeout, bool) and timeout > 0
        if self.protocol >= 2 and valid and self._host is None:  # a host already built keeps its settings
            self.request_timeout = float(timeout)
        info = self._describe(self.request_timeout) if self._describe else describe_host(self.host)
        return {
            "protocol": self.protocol,
            "name": info.name,
            "version": info.version,
            "profiles": list(info.profiles),
            "features": list(info.features),
            "limits": info.limits,
        }

    def op_imports(self, request: dict[str, Any]) -> dict[str, Any]:
        return {
            "imports": [
                {"module": i.module, "name": i.field, "params": [p.wasm for p in i.params], "results": list(i.results)}
                for i in self.host.provided_imports()
            ]
        }

    def op_instantiate(self, request: dict[str, Any]) -> dict[str, Any]:
        if "wasm_b64" in request:
            wasm = _b64(request["wasm_b64"], "wasm_b64")
        elif "wasm_path" in request:
            try:
                with open(str(request["wasm_path"]), "rb") as fh:
                    wasm = fh.read()
            except OSError as exc:
                raise RequestError("bad_request", f"cannot read wasm_path: {exc.strerror}") from None
        else:
            raise RequestError("bad_request", "instantiate needs wasm_b64 or wasm_path")
        try:
            instance = self.host_for(request.get("settings")).instantiate(wasm)
        except Exception as exc:
            raise RequestError("link", describe_exception(exc)) from None
        self._next += 1
        self.instances[self._next] = _Served(instance, _result_types(request.get("exports"), wasm))
        return {"instance": self._next}

    def op_call(self, request: dict[str, Any]) -> dict[str, Any]:
        served = self._served(request)
        export = str(request.get("export"))
        args = request.get("args", [])
        if not isinstance(args, list):
            raise RequestError("bad_request", "args must be a list")
        values = [_int(a, f"args[{i}]") for i, a in enumerate(args)]
        try:
            result = served.instance.call(export, *values)
        except Exception as exc:  # wasmtime.Trap, or an exception an import let escape: the guest is dead
            raise RequestError("trap", describe_exception(exc)) from None
        results = results_of(result)
        if self.protocol >= 2:
            types = served.result_types.get(export, ())
            return {"results": [str(v) if t == "i64" else v for v, t in zip(results, types, strict=False)]}
        return {"results": results}

    def _range(self, served: _Served, ptr: int, length: int) -> None:
        size = int(served.instance.memory_size)
        if ptr < 0 or length < 0 or ptr + length > size:
            raise RequestError("memory", f"{length} bytes at {ptr} are outside memory of {size}")

    def op_read_memory(self, request: dict[str, Any]) -> dict[str, Any]:
        served = self._served(request)
        ptr, length = _int(request.get("ptr"), "ptr"), _int(request.get("len"), "len")
        self._range(served, ptr, length)
        return {"data_b64": base64.b64encode(bytes(served.instance.read_memory(ptr, length))).decode()}

    def op_write_memory(self, request: dict[str, Any]) -> dict[str, Any]:
        served = self._served(request)
        ptr, data = _int(request.get("ptr"), "ptr"), _b64(request.get("data_b64"), "data_b64")
        self._range(served, ptr, len(data))
        served.instance.write_memory(ptr, data)
        return {}

    def op_memory_size(self, request: dict[str, Any]) -> dict[str, Any]:
        return {"size": int(self._served(request).instance.memory_size)}

    def op_close_instance(self, request: dict[str, Any]) -> dict[str, Any]:
        served = self._served(request)
        del self.instances[int(request["instance"])]
        served.instance.close()
        return {}

    def close(self) -> None:
        for served in self.instances.values():
            served.instance.close()
        self.instances.clear()
        for host in [self._host, *self._variants.pop_all()]:
            if host is not None:
                host.close()


def _result_types(exports: Any, wasm: bytes) -> dict[str, tuple[str, ...]]:
    """Each function export's result types: from the request's `exports` list, else read from the module."""
    if isinstance(exports, list):
        return {
            str(e.get("name")): tuple(str(t) for t in e.get("results", ()))
            for e in exports
            if isinstance(e, dict) and e.get("kind") == "func"
        }
    from conformance.wasm import interface, load_module

    return {e.name: e.func.results for e in interface(load_module(wasm)).exports if e.func is not None}


def serve(server: Server, stdin: BinaryIO, stdout: BinaryIO) -> None:
    """Answer requests until `shutdown` or end of input."""
    warmed = False
    for line in stdin:
        if not line.strip():
            continue
        request: Any = None
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("not an object")
        except ValueError as exc:
            reply: dict[str, Any] = {"id": None, "ok": False, "error": {"kind": "bad_request", "message": str(exc)}}
        else:
            if request.get("op") == "shutdown":
                break
            reply = server.handle(request)
        stdout.write(json.dumps(reply).encode() + b"\n")
        stdout.flush()
        if not warmed and isinstance(request, dict) and request.get("op") == "hello" and reply.get("ok"):
            warmed = True
            server.warm()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reference_host.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--host-class", metavar="MODULE:CLASS", help="serve this host class instead")
    parser.add_argument(
        "--request-timeout",
        type=float,
        default=CORPUS_REQUEST_TIMEOUT,
        metavar="SECONDS",
        help="hive request timeout when the runner's hello carries no setting (protocol 1)",
    )
    args = parser.parse_args(argv)
    if args.host_class:
        module_name, _, class_name = args.host_class.partition(":")
        try:
            host_class = load_class(module_name, class_name)
        except ValueError as exc:
            parser.error(str(exc))
        describe = None
    else:
        host_class, describe = None, reference_description
    without_async_http()
    gc.set_threshold(5_000)  # fewer young collections in this short-lived process (as the ark-conformance command)
    # The protocol owns the real stdout; anything the host prints goes to stderr instead.
    protocol_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # also catches writes to fd 1 from native code
    sys.stdout = sys.stderr

    def factory(request_timeout: float, settings: dict[str, float] | None = None) -> Any:
        return construct(host_class or reference_class(), request_timeout, settings)

    server = Server(factory, describe, args.request_timeout, settings_factory=factory)
    try:
        serve(server, sys.stdin.buffer, protocol_out)
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
