"""Subprocess adapter: a host in another process, spoken to in JSON lines (docs/subprocess-protocol.md).

Why a process: a host in any language can be tested, and a host that crashes or hangs ends only the case
that provoked it. The runner restarts the process lazily for the next case. The host implements only
primitives (hello, instantiate, call, read/write memory, close), so judging is the runner's own code.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import json
import os
import queue
import shlex
import signal
import subprocess
import threading
from typing import Any

from .base import GuestTrap, HostAdapter, HostCrashed, HostInfo, HostTimeout, Instance, LinkFailed

PROTOCOL_VERSION = 1
DEFAULT_CALL_TIMEOUT = 30.0  # an upper bound for one primitive when the runner gives no deadline
_EOF = object()


class _Process:
    """One running host process: request/response over pipes, with a deadline on every response."""

    def __init__(self, argv: list[str]) -> None:
        try:
            self.proc = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,  # so a timeout can kill the host and everything it spawned
            )
        except OSError as exc:
            raise HostCrashed(f"cannot start host {argv[0]!r}: {exc.strerror}") from None
        self.lines: queue.Queue[object] = queue.Queue()
        self.stderr_tail: collections.deque[str] = collections.deque(maxlen=20)
        self._next_id = 0
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stdout(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(_EOF)

    def _read_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr_tail.append(line.decode("utf-8", "replace").rstrip())

    def request(self, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        self._next_id += 1
        message = {"id": self._next_id, **message}
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.write(json.dumps(message).encode() + b"\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise HostCrashed(self._died("while sending")) from None
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                self.kill()
                raise HostTimeout(f"host did not answer {message['op']!r} within {timeout:.2f} s (killed)") from None
            if line is _EOF:
                raise HostCrashed(self._died(f"during {message['op']!r}"))
            try:
                reply = json.loads(line)  # type: ignore[arg-type]
            except ValueError:
                self.kill()
                raise HostCrashed(f"host wrote a line that is not JSON: {line[:80]!r}") from None
            if reply.get("id") == message["id"]:
                return reply

    def _died(self, when: str) -> str:
        try:
            code = self.proc.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            code = None
        tail = f"; stderr: {self.stderr_tail[-1]}" if self.stderr_tail else ""
        return f"host process exited {when} (exit code {code}){tail}"

    def kill(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self.proc.kill()
        self.proc.wait()

    def shutdown(self) -> None:
        if self.proc.poll() is None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.write(b'{"id": 0, "op": "shutdown"}\n')
                self.proc.stdin.close()
                self.proc.wait(timeout=2.0)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()


class SubprocessInstance(Instance):
    def __init__(self, adapter: SubprocessAdapter, instance_id: int) -> None:
        self._adapter = adapter
        self._id = instance_id
        self._process = adapter._process  # an instance dies with its process; a restarted host never sees it
        self._size: int | None = None

    def _op(self, op: str, timeout: float | None = None, **fields: Any) -> dict[str, Any]:
        if self._process is None or self._adapter._process is not self._process:
            raise HostCrashed("host process was restarted; this instance is gone")
        return self._adapter._call_on(self._process, {"op": op, "instance": self._id, **fields}, timeout)

    def call(self, export: str, *args: int, timeout: float | None = None) -> list[int]:
        reply = self._op("call", timeout, export=export, args=list(args))
        self._size = None
        return [int(v) for v in reply["results"]]

    def read_memory(self, ptr: int, length: int) -> bytes:
        if ptr < 0 or length < 0:
            raise IndexError(f"read of {length} bytes at {ptr}")
        data = base64.b64decode(self._op("read_memory", ptr=ptr, len=length)["data_b64"])
        if len(data) != length:
            raise HostCrashed(f"host returned {len(data)} bytes for a read of {length}")
        return data

    def write_memory(self, ptr: int, data: bytes) -> None:
        if ptr < 0:
            raise IndexError(f"write at {ptr}")
        self._op("write_memory", ptr=ptr, data_b64=base64.b64encode(data).decode())

    @property
    def memory_size(self) -> int:
        if self._size is None:
            self._size = int(self._op("memory_size")["size"])
        return self._size

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the host may be gone (crash, timeout): nothing left to close
            self._op("close_instance", timeout=5.0)


class SubprocessAdapter(HostAdapter):
    """`subprocess:<command line>`: starts the host lazily and again after it crashed or was killed."""

    def __init__(self, command: str, *, spec: str) -> None:
        self.spec = spec
        self.argv = shlex.split(command)
        if not self.argv:
            raise ValueError("subprocess host spec has an empty command line")
        self._process: _Process | None = None
        self._info: HostInfo | None = None

    def _ensure(self) -> _Process:
        if self._process is None or self._process.proc.poll() is not None:
            self._process = _Process(self.argv)
            hello = self._call_on(self._process, {"op": "hello", "protocol": PROTOCOL_VERSION}, 30.0)
            if int(hello.get("protocol", 0)) != PROTOCOL_VERSION:
                raise HostCrashed(f"host speaks subprocess protocol {hello.get('protocol')}, not {PROTOCOL_VERSION}")
            self._info = HostInfo(
                name=str(hello["name"]),
                version=str(hello["version"]),
                profiles=tuple(hello.get("profiles", ("core", "extended"))),
                features=tuple(hello.get("features", ())),
            )
        return self._process

    def _call_on(self, process: _Process, message: dict[str, Any], timeout: float | None) -> dict[str, Any]:
        reply = process.request(message, timeout if timeout is not None else DEFAULT_CALL_TIMEOUT)
        if reply.get("ok"):
            return reply
        error = reply.get("error") or {}
        kind, text = error.get("kind", "internal"), error.get("message", "(no message)")
        if kind == "trap":
            raise GuestTrap(text)
        if kind == "link":
            raise LinkFailed(text)
        if kind == "memory":
            raise IndexError(text)
        raise HostCrashed(f"host reported {kind} error for {message['op']!r}: {text}")

    @property
    def info(self) -> HostInfo:
        self._ensure()
        assert self._info is not None
        return self._info

    def instantiate(self, wasm: bytes, *, timeout: float | None = None) -> Instance:
        process = self._ensure()
        reply = self._call_on(process, {"op": "instantiate", "wasm_b64": base64.b64encode(wasm).decode()}, timeout)
        return SubprocessInstance(self, int(reply["instance"]))

    def close(self) -> None:
        if self._process is not None:
            self._process.shutdown()
            self._process = None
