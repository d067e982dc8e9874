"""The ``ark-conformance`` command line.

Each subcommand is a module in ``conformance/commands/`` that defines ``HELP`` (one line),
``configure(parser)`` and ``run(args) -> int``. Modules are discovered, so adding a command never edits
this file.

Exit codes are shared by every subcommand (documented in README.md):
    0  success (valid guest, conforming host, ...)
    1  the thing checked does not conform (invalid guest, failed case, ...)
    2  bad input or usage (missing file, not Wasm, unknown option); one-line message, no traceback
    3  internal error of this tool (a bug: please report it); one-line message, --debug for the traceback
  130  interrupted by Ctrl-C (SIGINT); 143 terminated by SIGTERM, 129 by SIGHUP (128 + the signal's number):
       `run` still writes its reports, marked incomplete, and no host process it started outlives it
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import pkgutil
import signal
import sys
import threading
from collections.abc import Iterator, Sequence

from . import __version__, commands
from .errors import BadInput, ConformanceError

EXIT_OK = 0
EXIT_NONCONFORMING = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


_STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
_received = signal.SIGINT  # the signal that interrupted the command: SIGINT unless SIGTERM/SIGHUP came


def interrupted_exit_code() -> int:
    """128 + the interrupting signal's number: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP."""
    return 128 + int(_received)


def _interrupt(signum: int, _frame: object) -> None:
    global _received
    _received = signal.Signals(signum)
    raise KeyboardInterrupt  # the Ctrl-C path: reports written, hosts killed at exit (atexit, not a signal death)


@contextlib.contextmanager
def _stop_signals_interrupt() -> Iterator[None]:
    """While a command runs, SIGTERM and SIGHUP (a CI timeout, a closed terminal) interrupt it like Ctrl-C,
    instead of killing the process before it can kill the hosts it started in their own sessions."""
    global _received
    _received = signal.SIGINT
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _interrupt) for signum in _STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class UsageError(BadInput):
    """Bad input from the user that no module-level error describes (a bad option combination): exit 2."""


def _command_names() -> list[str]:
    """Every subcommand's name, from the package listing alone (nothing imported)."""
    return sorted(info.name for info in pkgutil.iter_modules(commands.__path__) if not info.name.startswith("_"))


def _command_modules(only: str | None = None) -> dict[str, object]:
    names = [only] if only is not None else _command_names()
    return {name: importlib.import_module(f"{commands.__name__}.{name}") for name in names}


def _named_command(argv: Sequence[str]) -> str | None:
    """The subcommand `argv` names (its first non-option word), when it is one: only that module is then
    imported, since importing every command costs more than some commands take to run."""
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    return word if word in _command_names() else None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every subcommand, or with the subcommand `only` alone (enough to parse its line)."""
    parser = argparse.ArgumentParser(
        prog="ark-conformance",
        description="Conformance suite and ABI validator for the ark-ml-v2 Wasm host API (ark-api-ffi 0.16.0).",
    )
    parser.add_argument("--version", action="version", version=f"ark-conformance {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in _command_modules(only).items():
        cmd = sub.add_parser(name, help=module.HELP, description=module.HELP)  # type: ignore[attr-defined]
        module.configure(cmd)  # type: ignore[attr-defined]
        cmd.set_defaults(_run=module.run)  # type: ignore[attr-defined]
    return parser


_own_process = False
GC_YOUNG_THRESHOLD = 5_000


def owns_process() -> bool:
    """True when this process was started as the `ark-conformance` command (console script or
    `python -m conformance`), not a `main()` called from someone's code or a test session: only then may a
    command change process-wide state such as which optional modules can be imported."""
    return _own_process


def console_main() -> int:
    """The `ark-conformance` command's entry point: `main` on sys.argv, in a process that is ours."""
    global _own_process
    _own_process = True
    # A command is a short batch process allocating many small objects that mostly die young: with
    # CPython's default threshold (700) a full run made ~140 collections, about 5 % of its CPU.
    gc.set_threshold(GC_YOUNG_THRESHOLD)
    return main()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_named_command(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed a one-line usage error
        return EXIT_BAD_INPUT if exc.code not in (0, None) else EXIT_OK
    if getattr(args, "_run", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        with _stop_signals_interrupt():
            return int(args._run(args))
    except ConformanceError as exc:  # every deliberate error, mapped to its exit code here and only here
        return _report(exc, args.debug)
    except BrokenPipeError:  # output piped into `head` and closed early: not an error of the tool
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"ark-conformance: interrupted ({_received.name})", file=sys.stderr)
        return interrupted_exit_code()
    except Exception as exc:
        if args.debug:
            raise
        print(f"ark-conformance: internal error: {type(exc).__name__}: {exc} (rerun with --debug)", file=sys.stderr)
        return EXIT_INTERNAL


def _report(exc: ConformanceError, debug: bool) -> int:
    """One line on stderr (earlier lines for the further problems of a multi-problem error)."""
    if debug and exc.exit_code == EXIT_INTERNAL:
        raise exc
    problems = getattr(exc, "problems", None) or [str(exc)]
    for problem in problems[1:]:
        print(problem, file=sys.stderr)
    kind = "internal error" if exc.exit_code == EXIT_INTERNAL else "error"
    print(f"ark-conformance: {kind}: {exc}", file=sys.stderr)
    return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
