"""Per-host expectations: cases to skip and cases expected to fail, each with a mandatory reason.

Why data, not flags: a host's known gaps are reviewed like code (conformance/expectations/<host>.toml),
and a stale entry is caught: a case expected to fail that passes is `xpass`, which fails the run.

File format (TOML):

    [[case]]
    id = "start_training_from_checkpoint.*"   # fixture id, or an fnmatch pattern
    status = "skip"                             # skip | fail
    reason = "checkpoints are not implemented"  # mandatory, non-empty
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass
from pathlib import Path

from conformance.errors import BadInput

from ._outcome import Outcome

STATUSES = ("skip", "fail")
# Outcomes that count as "it failed" for a case expected to fail.
FAILED = frozenset({Outcome.FAIL, Outcome.TIMEOUT, Outcome.CRASH})


class ExpectationsError(BadInput):
    """The expectations file is malformed (one line, names the entry)."""


@dataclass(frozen=True)
class Expectation:
    pattern: str
    status: str
    reason: str


@dataclass(frozen=True)
class Expectations:
    entries: tuple[Expectation, ...] = ()
    source: str | None = None

    def lookup(self, case_id: str) -> Expectation | None:
        """The first entry whose pattern matches `case_id`."""
        return next((e for e in self.entries if fnmatch.fnmatchcase(case_id, e.pattern)), None)

    def unmatched(self, case_ids: list[str]) -> list[Expectation]:
        """Entries that match no case: a renamed fixture left a stale line behind."""
        return [e for e in self.entries if not any(fnmatch.fnmatchcase(c, e.pattern) for c in case_ids)]


def apply(expectation: Expectation | None, outcome: Outcome) -> Outcome:
    """The outcome once an expected failure is taken into account: fail -> xfail, pass -> xpass."""
    if expectation is None or expectation.status != "fail":
        return outcome
    if outcome in FAILED:
        return Outcome.XFAIL
    if outcome is Outcome.PASS:
        return Outcome.XPASS
    return outcome


def load_expectations(path: Path | None) -> Expectations:
    """Read and check an expectations file (None -> no expectations); raises ExpectationsError."""
    if path is None:
        return Expectations()
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ExpectationsError(f"{path}: no such expectations file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ExpectationsError(f"{path}: not a readable TOML file: {exc}") from None
    unknown = set(data) - {"case", "host", "description"}
    if unknown:
        raise ExpectationsError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))}")
    entries = []
    for i, entry in enumerate(data.get("case", []), 1):
        where = f"{path}: case {i}"
        if not isinstance(entry, dict):
            raise ExpectationsError(f"{where}: not a table")
        extra = set(entry) - {"id", "status", "reason"}
        if extra:
            raise ExpectationsError(f"{where}: unknown key(s) {', '.join(sorted(extra))}")
        if not isinstance(entry.get("id"), str) or not entry["id"]:
            raise ExpectationsError(f"{where}: missing id")
        if entry.get("status") not in STATUSES:
            raise ExpectationsError(f"{where} ({entry['id']}): status must be one of {', '.join(STATUSES)}")
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ExpectationsError(f"{where} ({entry['id']}): a reason is mandatory")
        entries.append(Expectation(entry["id"], entry["status"], reason.strip()))
    return Expectations(tuple(entries), str(path))
