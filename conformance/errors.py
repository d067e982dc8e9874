"""One error model for the whole tool: a root class and the few kinds the CLI maps to exit codes.

Why: a user of a conformance suite must be able to tell "my input is wrong" (exit 2) from "the suite is
broken" (exit 3) without reading a traceback. Every error the tool raises on purpose derives from
`ConformanceError`; `conformance.cli.main` maps each kind to its exit code in one place, so commands raise
the error that describes the problem and never translate it by hand.

| kind | what is at fault | exit code |
|---|---|---|
| `BadInput` | a file, option, spec, manifest, fixture, scenario or expectations file the user gave | 2 |
| `HostProblem` | the host under test cannot be started, linked or talked to at all | 2 |
| `InternalError` | this tool (a bug: please report it) | 3 |

Per-case host failures (a trap, a crash, a timeout inside one case) are not CLI errors: the runner turns
them into case outcomes (`conformance.adapters.AdapterError` and its kinds derive from `HostProblem` only
so that one escaping the runner still gets a one-line message).

This module imports nothing, so every package (the reference host included) may depend on it.
"""

from __future__ import annotations

__all__ = ["BadInput", "ConformanceError", "HostProblem", "HostUnavailable", "InternalError"]


class ConformanceError(Exception):
    """Root of every error ark-conformance raises on purpose; `exit_code` is what the CLI returns for it."""

    exit_code = 3


class BadInput(ConformanceError, ValueError):
    """The user's input is wrong: a one-line message, exit code 2."""

    exit_code = 2


class HostProblem(ConformanceError):
    """The host under test cannot be used at all (does not start, does not describe itself): exit code 2."""

    exit_code = 2


class HostUnavailable(HostProblem):
    """The host could not be started or did not describe itself: nothing can run (one-line message)."""


class InternalError(ConformanceError):
    """A bug in this tool: exit code 3 (the CLI offers --debug for the traceback)."""

    exit_code = 3
