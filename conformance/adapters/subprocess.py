"""Subprocess adapter: a host in another process, spoken to in JSON lines (docs/subprocess-protocol.md).

Why a process: a host in any language can be tested, and a host that crashes, hangs or misbehaves ends
only the case that provoked it. The runner restarts the process lazily for the next case. The host
implements only primitives (hello, instantiate, call, read/write memory, close), so judging is the
runner's own code.

Why so defensive: the host is the thing under test. Every reply is checked against
conformance/schemas/subprocess-reply.schema.json and the request it answers; anything else is a
ProtocolViolation (the host is killed, the case is a crash). Every request has an absolute deadline.
The host runs in its own session; its whole process group is killed, and its leader reaped, whenever it
misbehaves and when the adapter closes, so nothing it started outlives the run.
"""

from __future__ import annotations

import atexit
import base64
import binascii
import collections
import contextlib
import hashlib
import json
import os
import queue
import re
import select
import shlex
import signal
import subprocess
import threading
import time
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from conformance.cache import known_valid, remember_valid
from conformance.wasm import FuncSig, WasmError, interface, load_module
from reference_host import CORPUS_REQUEST_TIMEOUT

from .base import GuestTrap, HostAdapter, HostCrashed, HostInfo, HostTimeout, Instance, LinkFailed, ProtocolViolation

PROTOCOL_VERSION = 2
SPOKEN = (1, 2)
HELLO_SECONDS = 10.0
MEMORY_OP_SECONDS = 5.0
DEFAULT_CALL_TIMEOUT = 30.0  # an upper bound for one primitive when the runner gives no deadline
SHUTDOWN_GRACE = 2.0  # how long a host may take to exit after `shutdown` before its group is killed
EXIT_GRACE = 0.2  # after the leader exited, how long a reply it wrote may still take to arrive
MAX_LINE = 1 << 20  # bytes of one reply line (plus the base64 of the bytes a read_memory asks for)
STDERR_LINES = 20
STDERR_LINE_CHARS = 300
MESSAGE_CHARS = 200
_READ_CHUNK = 1 << 16
_I32 = (-(1 << 31), 1 << 32)
_I64 = (-(1 << 63), 1 << 64)


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name


_EOF = _Marker("end of stdout")
_EXITED = _Marker("leader exited")


@dataclass(frozen=True)
class _Pending:
    """A request sent and not yet answered: the message (with its id) and its absolute deadline."""

    message: dict[str, Any]
    deadline: float
    timeout: float


@dataclass(frozen=True)
class _TooLong:
    size: int


class _Refused(HostCrashed):
    """The host answered a request with an error reply of `kind` other than trap, link or memory."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _broke(what: str) -> ProtocolViolation:
    return ProtocolViolation(f"host broke the subprocess protocol: {what}")


def _short(text: object) -> str:
    """One line of at most MESSAGE_CHARS characters: a host's text never floods a diagnostic."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= MESSAGE_CHARS else flat[: MESSAGE_CHARS - 3] + "..."


@cache
def _reply_schema() -> dict[str, Any]:
    path = resources.files("conformance").joinpath("schemas", "subprocess-reply.schema.json")
    return json.loads(path.read_text("utf-8"))


@cache
def _hello_memo_schema() -> dict[str, Any]:
    """What a valid `hello` reply is remembered against (known_valid): the reply schema, read once, so its
    digest is computed once per process rather than for every host started."""
    return {"ok_hello": _reply_schema()}


@cache
def _validator(definition: str) -> Any:
    """A validator for `#/$defs/<definition>` of the reply schema (error_reply, ok_call, ...)."""
    import jsonschema

    schema = _reply_schema()
    root = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    return jsonschema.Draft202012Validator(root)


_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")
_I64_TEXT = re.compile(r"0|-?[1-9][0-9]{0,19}")


def _is_int(value: Any, low: int, high: int) -> bool:
    return type(value) is int and low <= value <= high


def _plainly_valid(reply: dict[str, Any], op: str) -> bool:
    """True for the everyday success replies (a step's `call`, `memory_size`, `read_memory`, ...) when they
    are plainly valid by the reply schema: checking these by hand is exact and a small fraction of the
    schema validator's cost, which was a measurable part of a subprocess run. False means "ask the
    schema", never "invalid" (the `id` was checked against the request before)."""
    if reply.get("ok") is not True:
        return False
    if op in ("write_memory", "close_instance"):
        return True
    if op == "call":
        results = reply.get("results")
        return type(results) is list and all(
            _is_int(v, -(1 << 63), (1 << 64) - 1) or (type(v) is str and _I64_TEXT.fullmatch(v) is not None)
            for v in results
        )
    if op == "memory_size":
        return _is_int(reply.get("size"), 0, 1 << 48)
    if op == "instantiate":
        return _is_int(reply.get("instance"), 1, (1 << 53) - 1)
    if op == "read_memory":
        data = reply.get("data_b64")
        return type(data) is str and _BASE64.fullmatch(data) is not None
    return False


def _schema_problem(reply: dict[str, Any], op: str) -> str | None:
    """What is wrong with `reply` as an answer to `op` by the schema, or None."""
    if _plainly_valid(reply, op):
        return None
    # A host's hello reply is the same on every start: once valid, it need not be validated (nor jsonschema
    # imported) again. Other replies vary too much to be worth remembering.
    remember = op == "hello" and reply.get("ok") is True
    if remember and known_valid(_hello_memo_schema(), reply):
        return None
    import jsonschema

    ok = reply.get("ok")
    if ok is not True and ok is not False:
        return f"'ok' must be true or false, not {_short(repr(ok))}"
    definition = f"ok_{'empty' if op in ('write_memory', 'close_instance') else op}" if ok else "error_reply"
    error = jsonschema.exceptions.best_match(_validator(definition).iter_errors(reply))
    if error is None:
        if remember:
            remember_valid(_hello_memo_schema(), reply)
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "reply"
    return f"{where}: {_short(error.message)}"


_live: weakref.WeakSet[_Process] = weakref.WeakSet()


@atexit.register
def _kill_all() -> None:
    """Whatever ends the runner, no host process group it started outlives it."""
    for process in list(_live):
        process.kill()


class _Process:
    """One running host: its own session and process group, reader threads for stdout and stderr, a
    watcher for the leader's exit (which never reaps it, so its pid, the group id, cannot be reused
    before the group is killed)."""

    def __init__(self, argv: list[str]) -> None:
        try:
            self.proc = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                bufsize=0,
                start_new_session=True,  # its own session and process group: killpg reaches all it spawned
            )
        except OSError as exc:
            raise HostCrashed(f"cannot start host {argv[0]!r}: {exc.strerror}") from None
        self.pgid = self.proc.pid
        self.events: queue.Queue[object] = queue.Queue()
        self.stderr_tail: collections.deque[str] = collections.deque(maxlen=STDERR_LINES)
        self.line_cap = MAX_LINE
        self.takes_settings = True  # until it refuses an `instantiate` that carries settings
        self.exited = threading.Event()
        self._next_id = 0
        self._killed = False
        self._kill_lock = threading.Lock()
        assert self.proc.stdin is not None
        os.set_blocking(self.proc.stdin.fileno(), False)
        _live.add(self)
        threads = [
            threading.Thread(target=target, daemon=True, name=f"host-{self.pgid}-{target.__name__}")
            for target in (self._read_stdout, self._read_stderr, self._watch_exit)
        ]
        for thread in threads:
            thread.start()
        self._stderr_reader = threads[1]

    # ------------------------------------------------------------------ threads

    def _read_stdout(self) -> None:
        """Lines to `events`; a line over `line_cap` ends reading (the requester kills the host)."""
        assert self.proc.stdout is not None
        fd, line = self.proc.stdout.fileno(), bytearray()
        try:
            while chunk := os.read(fd, _READ_CHUNK):
                start = 0
                while (end := chunk.find(b"\n", start)) >= 0:
                    line += chunk[start:end]
                    if len(line) > self.line_cap:
                        self.events.put(_TooLong(len(line)))
                        return
                    self.events.put(bytes(line))
                    line.clear()
                    start = end + 1
                line += chunk[start:]
                if len(line) > self.line_cap:
                    self.events.put(_TooLong(len(line)))
                    return
        except OSError:
            pass
        self.events.put(_EOF)

    def _read_stderr(self) -> None:
        """Drain stderr as fast as the host writes it, keeping the last lines (each cut short)."""
        assert self.proc.stderr is not None
        fd, line = self.proc.stderr.fileno(), bytearray()
        with contextlib.suppress(OSError):
            while chunk := os.read(fd, _READ_CHUNK):
                parts = chunk.split(b"\n")
                for part in parts[:-1]:
                    line += part[: max(0, STDERR_LINE_CHARS - len(line))]
                    self.stderr_tail.append(line.decode("utf-8", "replace").rstrip())
                    line.clear()
                line += parts[-1][: max(0, STDERR_LINE_CHARS - len(line))]
        if line:
            self.stderr_tail.append(line.decode("utf-8", "replace").rstrip())

    def _watch_exit(self) -> None:
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitid(os.P_PID, self.pgid, os.WEXITED | os.WNOWAIT)
        self.exited.set()
        self.events.put(_EXITED)

    # ------------------------------------------------------------------ requests

    @property
    def alive(self) -> bool:
        return not self._killed and not self.exited.is_set()

    def request(self, message: dict[str, Any], timeout: float, line_cap: int = MAX_LINE) -> dict[str, Any]:
        """Send `message`, return the reply that answers it; HostTimeout, HostCrashed or ProtocolViolation
        (the host killed) otherwise. The deadline is fixed here: nothing the host writes extends it."""
        return self.finish(self.begin(message, timeout, line_cap))

    def begin(self, message: dict[str, Any], timeout: float, line_cap: int = MAX_LINE) -> _Pending:
        """Send `message` (its deadline starts now); `finish` reads the reply. One request at a time."""
        deadline = time.monotonic() + timeout
        if self._killed:
            raise HostCrashed("host process was killed")
        self._next_id += 1
        pending = _Pending({"id": self._next_id, **message}, deadline, timeout)
        self.line_cap = line_cap
        try:
            self._send(json.dumps(pending.message).encode() + b"\n", deadline, message["op"])
        except (HostTimeout, HostCrashed):
            self.kill()
            raise
        return pending

    def finish(self, pending: _Pending) -> dict[str, Any]:
        """The reply to the request `begin` sent, within its deadline."""
        try:
            return self._await(pending.message, pending.deadline, pending.timeout)
        except (HostTimeout, HostCrashed):
            self.kill()
            raise

    def _send(self, data: bytes, deadline: float, op: str) -> None:
        assert self.proc.stdin is not None
        fd, view = self.proc.stdin.fileno(), memoryview(data)
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        while view:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise HostTimeout(f"host did not read the {op!r} request within its deadline (killed)")
            if not poller.poll(min(remaining, 1.0) * 1000):
                continue
            try:
                view = view[os.write(fd, view) :]
            except BlockingIOError:
                continue
            except OSError:
                raise HostCrashed(self._died(f"while {op!r} was sent")) from None

    def _await(self, message: dict[str, Any], deadline: float, timeout: float) -> dict[str, Any]:
        op = message["op"]
        exited_at: float | None = None
        while True:
            now = time.monotonic()
            limit = deadline if exited_at is None else min(deadline, exited_at + EXIT_GRACE)
            if now >= limit:
                if exited_at is not None and now < deadline:
                    raise HostCrashed(self._died(f"during {op!r}"))
                raise HostTimeout(f"host did not answer {op!r} within {timeout:.2f} s (killed)")
            try:
                event = self.events.get(timeout=limit - now)
            except queue.Empty:
                continue
            if event is _EXITED:
                exited_at = time.monotonic()
            elif event is _EOF:
                raise HostCrashed(self._died(f"during {op!r}", closed=True))
            elif isinstance(event, _TooLong):
                raise _broke(f"a line of more than {self.line_cap} bytes in answer to {op!r}")
            else:
                assert isinstance(event, bytes)
                return self._parse(event, message)

    def _parse(self, raw: bytes, message: dict[str, Any]) -> dict[str, Any]:
        op = message["op"]
        try:
            reply = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise _broke(f"a line that is not JSON in answer to {op!r}: {_short(repr(raw[:80]))}") from None
        if not isinstance(reply, dict):
            raise _broke(f"a JSON {type(reply).__name__} instead of an object in answer to {op!r}")
        got = reply.get("id")
        if type(got) is not int or got != message["id"]:
            raise _broke(f"a reply with id {_short(repr(got))} while request {message['id']} ({op!r}) was pending")
        if op == "hello":
            _check_version(reply)
        problem = _schema_problem(reply, op)
        if problem is not None:
            raise _broke(f"invalid {op!r} reply: {problem}")
        return reply

    def _died(self, when: str, closed: bool = False) -> str:
        """Why the host is gone, with its exit code and last stderr line (the leader gets a moment to exit)."""
        self.exited.wait(EXIT_GRACE)
        code = self.proc.poll() if self.exited.is_set() else None
        if code is not None:
            self._stderr_reader.join(EXIT_GRACE)  # its last words, unless a child still holds stderr
        self.kill()
        what = "closed its stdout" if closed and code is None else "exited"
        status = f"exit code {code}" if code is not None else "still running: killed"
        tail = f"; stderr: {_short(self.stderr_tail[-1])}" if self.stderr_tail else ""
        return f"host process {what} {when} ({status}){tail}"

    # ------------------------------------------------------------------ ending

    def kill(self) -> None:
        """SIGKILL the whole process group (leader alive or not), then reap the leader. Idempotent."""
        with self._kill_lock:
            if self._killed:
                return
            self._killed = True
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pgid, signal.SIGKILL)
            with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
                self.proc.kill()  # a leader that left its group is still ours
            with contextlib.suppress(OSError):
                assert self.proc.stdin is not None
                self.proc.stdin.close()
            self.proc.wait()
            _live.discard(self)

    def shutdown(self) -> None:
        """Ask the host to exit (`shutdown`, end of stdin), give it SHUTDOWN_GRACE, then kill its group."""
        if self.alive:
            self._next_id += 1
            line = json.dumps({"id": self._next_id, "op": "shutdown"}).encode() + b"\n"
            with contextlib.suppress(HostTimeout, HostCrashed):
                self._send(line, time.monotonic() + 0.5, "shutdown")
            with contextlib.suppress(OSError):
                assert self.proc.stdin is not None
                self.proc.stdin.close()
            self.exited.wait(SHUTDOWN_GRACE)
        self.kill()


def _check_version(reply: dict[str, Any]) -> None:
    """A hello reply's protocol, checked before its schema so that a host of another version is told so."""
    protocol = reply.get("protocol")
    if reply.get("ok") is True and type(protocol) is int and protocol not in SPOKEN:
        name = _short(reply.get("name", "(unnamed)"))
        spoken = " and ".join(map(str, SPOKEN))
        raise ProtocolViolation(f"host {name!r} speaks subprocess protocol {protocol}; this runner speaks {spoken}")


# ---------------------------------------------------------------------- values


def _encode_arg(value: int, wasm_type: str, protocol: int) -> int | str:
    """An argument as the protocol writes it: i32 signed; i64 signed, a decimal string from v2 on."""
    if wasm_type == "i64":
        signed = (value + (1 << 63)) % (1 << 64) - (1 << 63)
        return str(signed) if protocol >= 2 else signed
    return (value + (1 << 31)) % (1 << 32) - (1 << 31)


def _decode_result(value: Any, wasm_type: str, protocol: int, where: str) -> int:
    """A result value checked against its type; ProtocolViolation naming `where` otherwise."""
    if wasm_type == "i64" and protocol >= 2:
        if not isinstance(value, str):
            raise _broke(f"{where} is an i64 and must be a decimal string, not {_short(repr(value))}")
        number, bounds = int(value), _I64
    elif wasm_type in ("i32", "i64"):
        if type(value) is not int:
            raise _broke(f"{where} is an {wasm_type} and must be a JSON integer, not {_short(repr(value))}")
        number, bounds = value, _I32 if wasm_type == "i32" else _I64
    else:
        raise _broke(f"{where} has type {wasm_type}, which the protocol cannot carry")
    if not bounds[0] <= number < bounds[1]:
        raise _broke(f"{where} = {number} is outside the {wasm_type} range")
    return number


_interfaces: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, FuncSig]]] = {}
_interfaces_lock = threading.Lock()


def _signatures(wasm: bytes) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, FuncSig]]:
    """The module's imports and exports as `instantiate` lists them, and each function export's signature."""
    digest = hashlib.sha256(wasm).hexdigest()
    with _interfaces_lock:
        if digest in _interfaces:
            return _interfaces[digest]
    try:
        iface = interface(load_module(wasm))
    except WasmError:  # the host will refuse it with a link error of its own
        return [], [], {}

    def entry(name: str, kind: str, func: FuncSig | None) -> dict[str, Any]:
        sig = {"params": list(func.params), "results": list(func.results)} if func is not None else {}
        return {"name": name, "kind": kind, **sig}

    imports = [{"module": i.module, **entry(i.name, i.kind, i.func)} for i in iface.imports]
    exports = [entry(e.name, e.kind, e.func) for e in iface.exports]
    funcs = {e.name: e.func for e in iface.exports if e.func is not None}
    with _interfaces_lock:
        _interfaces[digest] = (imports, exports, funcs)
    return imports, exports, funcs


# ---------------------------------------------------------------------- adapter


class SubprocessInstance(Instance):
    def __init__(self, adapter: SubprocessAdapter, instance_id: int, funcs: dict[str, FuncSig]) -> None:
        self._adapter = adapter
        self._id = instance_id
        self._funcs = funcs
        self._process = adapter._process  # an instance dies with its process; a restarted host never sees it
        self._size: int | None = None

    def _op(self, op: str, timeout: float, line_cap: int = MAX_LINE, **fields: Any) -> dict[str, Any]:
        if self._process is None or self._adapter._process is not self._process or not self._process.alive:
            raise HostCrashed("host process is gone (it exited or was killed), and this instance with it")
        return self._adapter._call_on(self._process, {"op": op, "instance": self._id, **fields}, timeout, line_cap)

    def _violation(self, exc: ProtocolViolation) -> ProtocolViolation:
        if self._process is not None:
            self._process.kill()
        return exc

    def call(self, export: str, *args: int, timeout: float | None = None) -> list[int]:
        protocol = self._adapter.protocol
        sig = self._funcs.get(export)
        params = sig.params if sig is not None and len(sig.params) == len(args) else ("i32",) * len(args)
        encoded = [_encode_arg(int(a), t, protocol) for a, t in zip(args, params, strict=True)]
        reply = self._op("call", timeout if timeout is not None else DEFAULT_CALL_TIMEOUT, export=export, args=encoded)
        self._size = None
        results = reply["results"]
        if sig is None:
            return [int(v) for v in results]
        try:
            if len(results) != len(sig.results):
                count = f"{export} has {len(sig.results)} result(s), the host sent {len(results)}"
                raise _broke(f"invalid 'call' reply: {count}")
            return [
                _decode_result(v, t, protocol, f"invalid 'call' reply: results[{i}] of {export}")
                for i, (v, t) in enumerate(zip(results, sig.results, strict=True))
            ]
        except ProtocolViolation as exc:
            raise self._violation(exc) from None

    def read_memory(self, ptr: int, length: int) -> bytes:
        if ptr < 0 or length < 0 or ptr + length > 1 << 32:
            raise IndexError(f"read of {length} bytes at {ptr} is outside any 32-bit memory")
        cap = MAX_LINE + 4 * ((length + 2) // 3)
        reply = self._op("read_memory", MEMORY_OP_SECONDS, cap, ptr=ptr, len=length)
        try:
            data = base64.b64decode(reply["data_b64"], validate=True)
        except (binascii.Error, ValueError):
            raise self._violation(_broke("invalid 'read_memory' reply: data_b64 is not base64")) from None
        if len(data) != length:
            message = f"invalid 'read_memory' reply: {len(data)} bytes for a read of {length}"
            raise self._violation(_broke(message))
        return data

    def write_memory(self, ptr: int, data: bytes) -> None:
        if ptr < 0 or ptr + len(data) > 1 << 32:
            raise IndexError(f"write of {len(data)} bytes at {ptr} is outside any 32-bit memory")
        self._op("write_memory", MEMORY_OP_SECONDS, ptr=ptr, data_b64=base64.b64encode(data).decode())

    @property
    def memory_size(self) -> int:
        if self._size is None:
            self._size = int(self._op("memory_size", MEMORY_OP_SECONDS)["size"])
        return self._size

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the host may be gone (crash, timeout): nothing left to close
            self._op("close_instance", MEMORY_OP_SECONDS)


class SubprocessAdapter(HostAdapter):
    """`subprocess:<command line>`: starts the host lazily and again after it crashed or was killed."""

    def __init__(self, command: str, *, spec: str, request_timeout: float = CORPUS_REQUEST_TIMEOUT) -> None:
        self.spec = spec
        self.argv = shlex.split(command)
        if not self.argv:
            raise ValueError("subprocess host spec has an empty command line")
        self.settings = {"request_timeout_seconds": request_timeout}
        self.protocol = PROTOCOL_VERSION
        self._process: _Process | None = None
        self._hello: _Pending | None = None  # a hello sent by start() whose reply is not read yet
        self._info: HostInfo | None = None

    def start(self) -> None:
        """Start the host process and send `hello` without waiting for the reply: a runner calls this
        before its own start-up work (loading the corpus), so the host starts meanwhile."""
        if self._process is None or not self._process.alive:
            self._spawn()

    def _spawn(self) -> _Process:
        if self._process is not None:
            self._process.kill()  # its leader exited: reap it, and kill whatever it left in its group
        process = self._process = _Process(self.argv)
        hello = {"op": "hello", "protocol": PROTOCOL_VERSION, "settings": self.settings}
        try:
            self._hello = process.begin(hello, HELLO_SECONDS)
        except Exception:
            process.kill()
            raise
        return process

    def _ensure(self) -> _Process:
        if self._process is not None and self._process.alive and self._hello is None:
            return self._process
        process = self._process if self._hello is not None and self._process is not None else self._spawn()
        pending, self._hello = self._hello, None
        assert pending is not None
        try:
            reply = self._check(process.finish(pending), pending.message)
        except Exception:
            process.kill()  # a host that cannot say hello is of no use, even if it is still running
            raise
        self.protocol = reply["protocol"]
        self._info = HostInfo(
            name=reply["name"],
            version=reply["version"],
            profiles=tuple(reply["profiles"]),
            features=tuple(reply["features"]),
            limits=dict(reply.get("limits") or {}),
        )
        return process

    def _call_on(
        self, process: _Process, message: dict[str, Any], timeout: float, line_cap: int = MAX_LINE
    ) -> dict[str, Any]:
        return self._check(process.request(message, timeout, line_cap), message)

    def _check(self, reply: dict[str, Any], message: dict[str, Any]) -> dict[str, Any]:
        """The reply when it is a success; else the exception its error kind maps to."""
        if reply["ok"]:
            return reply
        kind, text = reply["error"]["kind"], _short(reply["error"]["message"])
        if kind == "trap":
            raise GuestTrap(text)
        if kind == "link":
            raise LinkFailed(text)
        if kind == "memory":
            raise IndexError(text)
        raise _Refused(kind, f"host reported {kind} error for {message['op']!r}: {text}")

    @property
    def info(self) -> HostInfo:
        self._ensure()
        assert self._info is not None
        return self._info

    def instantiate(
        self, wasm: bytes, *, timeout: float | None = None, settings: Mapping[str, float] | None = None
    ) -> Instance:
        """`instantiate`, with the case's `settings` when there are any (protocol 2). A host that refuses
        the settings field (`bad_request`) is asked again without it, and not sent settings again until it
        restarts: settings are hints, and a strict host must not fail a case over them."""
        process = self._ensure()
        imports, exports, funcs = _signatures(wasm)
        message: dict[str, Any] = {"op": "instantiate", "wasm_b64": base64.b64encode(wasm).decode()}
        if self.protocol >= 2:
            message |= {"imports": imports, "exports": exports}
            if settings and process.takes_settings:
                message["settings"] = dict(settings)
        deadline = time.monotonic() + (timeout if timeout is not None else DEFAULT_CALL_TIMEOUT)
        try:
            reply = self._call_on(process, message, deadline - time.monotonic())
        except _Refused as exc:
            if exc.kind != "bad_request" or "settings" not in message:
                raise
            process.takes_settings = False
            del message["settings"]
            reply = self._call_on(process, message, max(0.0, deadline - time.monotonic()))
        return SubprocessInstance(self, reply["instance"], funcs)

    def provided_imports(self) -> dict[tuple[str, str], FuncSig] | None:
        """The host's import table (the `imports` op, protocol 2): what `probe` checks against the manifest.
        None for a version-1 host, which `probe` asks by linking instead."""
        process = self._ensure()
        if self.protocol < 2:
            return None
        reply = self._call_on(process, {"op": "imports"}, MEMORY_OP_SECONDS)
        return {(i["module"], i["name"]): FuncSig(tuple(i["params"]), tuple(i["results"])) for i in reply["imports"]}

    def close(self) -> None:
        if self._process is not None:
            self._process.shutdown()
            self._process = None
