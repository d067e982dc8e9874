"""A subprocess host that misbehaves in one chosen way: `python host.py MODE`.

It serves the reference host (reference_host.serve.Server, in this process) correctly, except where
MODE says otherwise; most modes strike at the first `conformance_step` call, so the case has started
and an instance is open. Every process it starts appends its pid to the file named by
$MISBEHAVING_PIDS, so a test can check that none of them outlives the run.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from reference_host import without_async_http
from reference_host.serve import Server

# A process of ours alone, synchronous like reference_host.serve: httpcore need not import trio (~0.12 s of
# this host's ~0.42 s start, and the suite starts it ~80 times).
without_async_http()

OUT = os.fdopen(os.dup(1), "wb", buffering=0)
os.dup2(2, 1)


def reference_host(timeout: float) -> Any:
    """The host behind the correct replies, with the request timeout the runner's `hello` settled (1 s for
    the corpus), as a real host keeps it, not the manifest's 10 s: a fixture whose hive never answers ends in
    1 s. Imported on first use: a mode that breaks `hello` never needs it (nor wasmtime's and httpx's imports)."""
    from reference_host import HostConfig, ReferenceHost

    return ReferenceHost(HostConfig(request_timeout_seconds=timeout))


SERVER = Server(reference_host)
Handler = Callable[[dict[str, Any]], None]
MODES: dict[str, Handler] = {}
# With $MISBEHAVING_ONCE set, only the first process misbehaves (it creates that file); later ones, the
# restarts, serve correctly: the case after a misbehaving one must pass on a fresh host.
ONCE = os.environ.get("MISBEHAVING_ONCE")
RECORD = os.environ.get("MISBEHAVING_RECORD")  # append every request line to this file
HELLO = {
    "protocol": 2,
    "name": "misbehaving",
    "version": "0",
    "profiles": ["core", "extended"],
    "features": [],
    "limits": {"request_timeout_seconds": 1.0, "max_outstanding_futures": 64, "max_download_bytes": 1},
}


BEHAVE = False


def record_pid() -> None:
    path = os.environ.get("MISBEHAVING_PIDS")
    if path:
        with open(path, "a") as fh:
            fh.write(f"{os.getpid()}\n")


def write(line: bytes | dict[str, Any]) -> None:
    OUT.write(line if isinstance(line, bytes) else json.dumps(line).encode() + b"\n")


def serve_correctly(request: dict[str, Any]) -> None:
    write(SERVER.handle(request))


def is_step(request: dict[str, Any]) -> bool:
    return request.get("op") == "call" and request.get("export") == "conformance_step"


def mode(name: str, when: Callable[[dict[str, Any]], bool] = is_step) -> Callable[[Handler], Handler]:
    """Register a misbehaviour for requests matching `when`; every other request is served correctly."""

    def register(act: Handler) -> Handler:
        def handler(request: dict[str, Any]) -> None:
            (act if when(request) and not BEHAVE else serve_correctly)(request)

        MODES[name] = handler
        return act

    return register


def is_hello(request: dict[str, Any]) -> bool:
    return request.get("op") == "hello"


def forever() -> None:
    while True:
        time.sleep(60)


def spawn_sleeper() -> int:
    """A child in this process group that holds stdout and sleeps: it must not outlive the run."""
    pid = os.fork()
    if pid == 0:
        record_pid()
        forever()
    return pid


# ---------------------------------------------------------------- replies that break the protocol


@mode("garbage")
def _(request):
    write(b"this is not json\n")


@mode("stray-ids")
def _(request):  # a stale id every 0.2 s and never the reply: the deadline must still hold
    while True:
        write({"id": 1, "ok": True, "results": [0]})
        time.sleep(0.2)


@mode("stray-before-reply")
def _(request):
    write({"id": request["id"] - 1, "ok": True, "results": [0]})
    serve_correctly(request)


@mode("wrong-id")
def _(request):
    write({**SERVER.handle(request), "id": request["id"] + 1})


@mode("id-as-string")
def _(request):
    write({**SERVER.handle(request), "id": str(request["id"])})


@mode("reply-not-object")
def _(request):
    write(b"[1, 2, 3]\n")


@mode("ok-without-results")
def _(request):
    write({"id": request["id"], "ok": True})


@mode("ok-as-string")
def _(request):
    write({"id": request["id"], "ok": "yes", "results": [0]})


@mode("results-not-a-list")
def _(request):
    write({"id": request["id"], "ok": True, "results": "0"})


@mode("result-float")
def _(request):
    write({"id": request["id"], "ok": True, "results": [0.5]})


@mode("too-many-results")
def _(request):
    write({"id": request["id"], "ok": True, "results": [0, 0]})


@mode("error-without-kind")
def _(request):
    write({"id": request["id"], "ok": False, "error": {"message": "no kind"}})


@mode("unknown-error-kind")
def _(request):
    write({"id": request["id"], "ok": False, "error": {"kind": "explode", "message": "boom"}})


@mode("bad-base64", when=lambda r: r.get("op") == "read_memory")
def _(request):
    write({"id": request["id"], "ok": True, "data_b64": "!!not base64!!"})


@mode("short-read", when=lambda r: r.get("op") == "read_memory")
def _(request):
    write({"id": request["id"], "ok": True, "data_b64": ""})


@mode("negative-memory-size", when=lambda r: r.get("op") == "memory_size")
def _(request):
    write({"id": request["id"], "ok": True, "size": -5})


@mode("instance-zero", when=lambda r: r.get("op") == "instantiate")
def _(request):
    write({"id": request["id"], "ok": True, "instance": 0})


@mode("not-utf8")
def _(request):
    write(b'{"id": \xff\xfe}\n')


@mode("deep-json")
def _(request):
    write(b"[" * 200_000 + b"\n")


@mode("huge-line")
def _(request):  # 4 MiB with no newline in sight: the reader must stop at its cap
    chunk = b"x" * (1 << 16)
    for _ in range(64):
        OUT.write(chunk)
    forever()


# ---------------------------------------------------------------- processes and pipes


@mode("hang")
def _(request):
    forever()


@mode("slow-drip")
def _(request):  # a byte every 0.1 s, never a newline: the deadline is absolute
    while True:
        OUT.write(b" ")
        time.sleep(0.1)


@mode("die-mid-case")
def _(request):
    os.write(2, b"about to die\n" + b"x" * 5000 + b"\n" + b"last words " * 1000)
    os._exit(3)


@mode("close-stdout")
def _(request):
    OUT.close()
    forever()


@mode("fork-then-die")
def _(request):  # the child keeps stdout open: only the leader's exit says the host is gone
    spawn_sleeper()
    os._exit(4)


@mode("kill-self")
def _(request):
    os.kill(os.getpid(), signal.SIGKILL)


MODES["correct"] = serve_correctly


def _fork_at_start(request: dict[str, Any]) -> None:
    if request.get("op") == "hello":
        spawn_sleeper()
    serve_correctly(request)


MODES["fork-at-start"] = _fork_at_start


def _ignore_shutdown(request: dict[str, Any]) -> None:
    if request.get("op") == "shutdown":
        forever()
    serve_correctly(request)


MODES["ignore-shutdown"] = _ignore_shutdown


def _stderr_flood(request: dict[str, Any]) -> None:
    """Twice a pipe's buffer of stderr before every reply: a runner that does not drain it deadlocks."""
    os.write(2, (b"flood " * 2000 + b"\n") * 11)
    serve_correctly(request)


MODES["stderr-flood"] = _stderr_flood


@mode("imports-mistyped", when=lambda r: r.get("op") == "imports")
def _(request):  # drop_future takes an i32 handle here, and stop_experiment is missing
    table = SERVER.handle(request)
    for entry in table["imports"]:
        if entry["name"] == "ml__drop_future":
            entry["params"] = ["i32"]
    table["imports"] = [e for e in table["imports"] if e["name"] != "ml__stop_experiment"]
    write(table)


@mode("imports-garbage", when=lambda r: r.get("op") == "imports")
def _(request):
    write({"id": request["id"], "ok": True, "imports": [{"module": "ark-ml-v2"}]})


@mode("i64-as-number", when=lambda r: r.get("op") == "call")
def _(request):  # the right value, written as a JSON number: breaks on large values in other languages
    reply = SERVER.handle(request)
    write({**reply, "results": [int(v) for v in reply["results"]]} if reply["ok"] else reply)


@mode("strict-instantiate", when=lambda r: r.get("op") == "instantiate" and "settings" in r)
def _(request):  # a host that refuses fields it does not know, such as instantiate's settings
    write({"id": request["id"], "ok": False, "error": {"kind": "bad_request", "message": "unknown field settings"}})


# ---------------------------------------------------------------- bad hellos and versions


@mode("v1", when=is_hello)
def _(request):  # a host of protocol version 1: no settings, no limits, i64 as JSON numbers
    write(SERVER.handle({**request, "protocol": 1}))


@mode("hello-not-object", when=is_hello)
def _(request):
    write(b'"hello"\n')


@mode("hello-protocol-string", when=is_hello)
def _(request):
    write({"id": request["id"], "ok": True, **HELLO, "protocol": "2"})


@mode("hello-no-name", when=is_hello)
def _(request):
    write({"id": request["id"], "ok": True, **{k: v for k, v in HELLO.items() if k != "name"}})


@mode("hello-no-limits", when=is_hello)
def _(request):
    write({"id": request["id"], "ok": True, **{k: v for k, v in HELLO.items() if k != "limits"}})


@mode("hello-protocol-3", when=is_hello)
def _(request):
    write({"id": request["id"], "ok": True, **HELLO, "protocol": 3})


@mode("hello-garbage", when=is_hello)
def _(request):
    write(b"\x00\x01 hello?\n")


@mode("hello-exit", when=is_hello)
def _(request):
    os._exit(0)


@mode("hello-error", when=is_hello)
def _(request):
    write({"id": request["id"], "ok": False, "error": {"kind": "internal", "message": "cannot start"}})


def main() -> None:
    global BEHAVE
    record_pid()
    if ONCE:
        BEHAVE = os.path.exists(ONCE)
        with open(ONCE, "a"):
            pass
    handler = MODES[sys.argv[1]]
    for line in sys.stdin.buffer:
        if RECORD:
            with open(RECORD, "ab") as fh:
                fh.write(line)
        request = json.loads(line)
        if request.get("op") == "shutdown" and handler is not MODES["ignore-shutdown"]:
            break
        handler(request)
    if sys.argv[1] == "ignore-shutdown":
        forever()


if __name__ == "__main__":
    main()
