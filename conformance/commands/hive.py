"""``ark-conformance hive``: run the hive simulator's loopback server standalone, for hosts under manual test."""

from __future__ import annotations

import argparse
import sys
import threading
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

from conformance.cli import EXIT_OK, UsageError
from conformance.hive import HiveSimulator, Scenario, ScenarioError

HELP = "serve the simulated hive (protocol v1) on 127.0.0.1 until interrupted"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: pick a free one)")
    parser.add_argument("--scenario", type=Path, metavar="FILE", help="JSON scenario: initial runs and faults")


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be in 0..65535, got {args.port}")
    try:
        scenario = Scenario.load(args.scenario) if args.scenario else Scenario()
    except ScenarioError as exc:
        raise UsageError(str(exc)) from None
    try:
        serve(scenario, args.port, threading.Event())
    except KeyboardInterrupt:
        print("hive simulator stopped", file=sys.stderr)
    return EXIT_OK


def serve(scenario: Scenario, port: int, stop: threading.Event, out: TextIO | None = None) -> HiveSimulator:
    """Serve until ``stop`` is set (or KeyboardInterrupt); prints the address first. Returns the simulator."""
    out = out or sys.stdout
    sim = HiveSimulator(scenario)
    with ExitStack() as stack:
        try:
            address = stack.enter_context(sim.loopback_server(port))
        except OSError as exc:
            raise UsageError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from None
        print(f"hive simulator listening on {address.base_url}", file=out, flush=True)
        stop.wait()  # no timeout: an idle simulator sleeps (Ctrl-C still interrupts the wait on POSIX)
    return sim
