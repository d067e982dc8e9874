"""The reference host behind the subprocess protocol: `python -m reference_host.serve`.

Reads one JSON request per line on stdin and answers one JSON line on stdout (docs/subprocess-protocol.md).
Only the primitives live here (instantiate, call, memory access); the guest protocol and judging stay in
the runner, so this process is what a host in another language would have to implement.

`--host-class MODULE:CLASS` serves another in-process host class (a mutant) the same way.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, BinaryIO

from conformance.adapters.inprocess import (
    DEFAULT_REQUEST_TIMEOUT,
    construct,
    describe,
    describe_exception,
    load_class,
    reference_class,
)

PROTOCOL_VERSION = 1


class RequestError(Exception):
    """A request the server answers with ok = false; `kind` is one of the protocol's error kinds."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _error(request: dict[str, Any], kind: str, message: str) -> dict[str, Any]:
    return {"id": request.get("id"), "ok": False, "error": {"kind": kind, "message": message}}


class Server:
    """Dispatches protocol requests to one host object; instances are numbered from 1 per process."""

    def __init__(self, host: Any) -> None:
        self.host = host
        self.instances: dict[int, Any] = {}
        self._next = 0

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

    def _instance(self, request: dict[str, Any]) -> Any:
        try:
            return self.instances[int(request["instance"])]
        except (KeyError, TypeError, ValueError):
            raise RequestError("bad_request", f"no instance {request.get('instance')!r}") from None

    def op_hello(self, request: dict[str, Any]) -> dict[str, Any]:
        info = describe(self.host)
        return {
            "protocol": PROTOCOL_VERSION,
            "name": info.name,
            "version": info.version,
            "profiles": list(info.profiles),
            "features": list(info.features),
        }

    def op_instantiate(self, request: dict[str, Any]) -> dict[str, Any]:
        if "wasm_b64" in request:
            wasm = base64.b64decode(request["wasm_b64"])
        elif "wasm_path" in request:
            with open(request["wasm_path"], "rb") as fh:
                wasm = fh.read()
        else:
            raise RequestError("bad_request", "instantiate needs wasm_b64 or wasm_path")
        try:
            instance = self.host.instantiate(wasm)
        except Exception as exc:
            raise RequestError("link", describe_exception(exc)) from None
        self._next += 1
        self.instances[self._next] = instance
        return {"instance": self._next}

    def op_call(self, request: dict[str, Any]) -> dict[str, Any]:
        instance = self._instance(request)
        try:
            result = instance.call(str(request["export"]), *[int(a) for a in request.get("args", [])])
        except Exception as exc:  # wasmtime.Trap, or an exception an import let escape: the guest is dead
            raise RequestError("trap", describe_exception(exc)) from None
        if result is None:
            results = []
        elif isinstance(result, list | tuple):
            results = [int(v) for v in result]
        else:
            results = [int(result)]
        return {"results": results}

    def _range(self, instance: Any, ptr: int, length: int) -> None:
        if ptr < 0 or length < 0 or ptr + length > int(instance.memory_size):
            raise RequestError("memory", f"{length} bytes at {ptr} are outside memory of {instance.memory_size}")

    def op_read_memory(self, request: dict[str, Any]) -> dict[str, Any]:
        instance = self._instance(request)
        ptr, length = int(request["ptr"]), int(request["len"])
        self._range(instance, ptr, length)
        return {"data_b64": base64.b64encode(bytes(instance.read_memory(ptr, length))).decode()}

    def op_write_memory(self, request: dict[str, Any]) -> dict[str, Any]:
        instance = self._instance(request)
        ptr, data = int(request["ptr"]), base64.b64decode(request["data_b64"])
        self._range(instance, ptr, len(data))
        instance.write_memory(ptr, data)
        return {}

    def op_memory_size(self, request: dict[str, Any]) -> dict[str, Any]:
        return {"size": int(self._instance(request).memory_size)}

    def op_close_instance(self, request: dict[str, Any]) -> dict[str, Any]:
        instance = self._instance(request)
        del self.instances[int(request["instance"])]
        instance.close()
        return {}

    def close(self) -> None:
        for instance in self.instances.values():
            instance.close()
        self.instances.clear()
        self.host.close()


def serve(server: Server, stdin: BinaryIO, stdout: BinaryIO) -> None:
    """Answer requests until `shutdown` or end of input."""
    for line in stdin:
        if not line.strip():
            continue
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reference_host.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--host-class", metavar="MODULE:CLASS", help="serve this host class instead")
    parser.add_argument("--request-timeout", type=float, default=DEFAULT_REQUEST_TIMEOUT, metavar="SECONDS")
    args = parser.parse_args(argv)
    if args.host_class:
        module_name, _, class_name = args.host_class.partition(":")
        try:
            host_class = load_class(module_name, class_name)
        except ValueError as exc:
            parser.error(str(exc))
    else:
        host_class = reference_class()
    # The protocol owns the real stdout; anything the host prints goes to stderr instead.
    protocol_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # also catches writes to fd 1 from native code
    sys.stdout = sys.stderr
    server = Server(construct(host_class, args.request_timeout))
    try:
        serve(server, sys.stdin.buffer, protocol_out)
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
