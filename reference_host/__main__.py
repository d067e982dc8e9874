"""``python -m reference_host run GUEST.wasm --hive-host H --hive-port P``.

Prints the guest's Journal as JSON lines, ``{"check_id", "code", "data_len", "data"}`` with at most
guest_protocol.MAX_DATA_BYTES of each record's data in hex (then one summary line on stderr). The
protocol is conformance.guest_protocol's, the runner's own. Exit codes: 0 the guest finished
(``conformance_step`` returned 1), 1 the guest failed (returned >= 2, trapped or timed out), 2 bad input
(unreadable file, not Wasm, an import this host lacks, not a guest-protocol guest: a missing export,
another protocol version, a journal outside memory or of more than 1,024 records).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import wasmtime

from conformance.guest_protocol import ProtocolError
from conformance.wasm import WASM_MAGIC, WasmError, compile_wat

from .guest_run import run_guest
from .host import NAME, VERSION, HostConfig, LinkError, ReferenceHost

EXIT_DONE, EXIT_GUEST_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reference_host", description=f"{NAME} {VERSION}")
    parser.add_argument("--version", action="version", version=f"{NAME} {VERSION}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser("run", help="run a guest-protocol guest and print its journal as JSON lines")
    run.add_argument("guest", type=Path, help="the guest module (.wasm, or .wat text)")
    run.add_argument("--hive-host", required=True, help="hive host written into Params (e.g. 127.0.0.1)")
    run.add_argument("--hive-port", required=True, type=int, help="hive port written into Params")
    run.add_argument("--deadline", type=float, default=5.0, help="wall-time limit in seconds (default 5)")
    run.add_argument("--max-steps", type=int, default=20_000, help="step limit (default 20000)")
    run.add_argument("--request-timeout", type=float, default=None, help="hive request timeout in seconds")
    return parser


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run(args: argparse.Namespace) -> int:
    try:
        data = args.guest.read_bytes()
    except OSError as exc:
        return _fail(f"{args.guest}: cannot read: {exc.strerror}")
    if not data.startswith(WASM_MAGIC):
        try:
            data = compile_wat(data.decode("utf-8", errors="replace"))
        except WasmError as exc:
            return _fail(f"{args.guest}: {exc}")
    if not 0 <= args.hive_port <= 0xFFFF_FFFF:
        return _fail("--hive-port must fit in a u32")
    config = HostConfig() if args.request_timeout is None else HostConfig(request_timeout_seconds=args.request_timeout)
    with ReferenceHost(config) as host:
        try:
            inst = host.instantiate(data)
        except LinkError as exc:
            return _fail(str(exc))
        except wasmtime.WasmtimeError as exc:
            return _fail(f"{args.guest}: not a valid guest module: {str(exc).splitlines()[0]}")
        except wasmtime.Trap as exc:
            print(f"guest trapped during instantiation: {str(exc).splitlines()[0]}", file=sys.stderr)
            return EXIT_GUEST_FAILED
        with inst:
            try:
                outcome = run_guest(
                    inst, args.hive_host, args.hive_port, max_steps=args.max_steps, deadline_seconds=args.deadline
                )
            except ProtocolError as exc:
                return _fail(str(exc))
    for record in outcome.journal:
        print(json.dumps(record.as_json()))
    print(f"{outcome.status}{': ' + outcome.detail if outcome.detail else ''}", file=sys.stderr)
    return EXIT_DONE if outcome.status == "done" else EXIT_GUEST_FAILED


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
