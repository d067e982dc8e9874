"""A verdict per profile, decided from the cases by the rules of docs/results.md ("Verdicts").

Why rules in one place: the run, `verify`, the reports and the matrix all state verdicts; `verify`
recomputes them from the cases, so a hand-edited verdict is caught.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from ._outcome import BAD, Outcome

CONFORMANT = "conformant"
PARTIAL = "partial"
NOT_CONFORMANT = "not conformant"
VERDICTS = (CONFORMANT, PARTIAL, NOT_CONFORMANT)


class _Case(Protocol):
    outcome: Outcome
    profile: str
    features: list[str]


def allowed_not_supported(case: _Case, host_profiles: Sequence[str], host_features: Sequence[str]) -> bool:
    """A `not_supported` that a conformant host may have: it declares the profile, and leaves out an
    optional feature the fixture needs."""
    return case.profile in host_profiles and bool(set(case.features) - set(host_features))


def profile_verdict(
    cases: Iterable[_Case], host_profiles: Sequence[str], host_features: Sequence[str], complete: bool
) -> str:
    """`not conformant` if any case of the profile fails the run by the host's fault; `conformant` if the
    run is complete and every case passed or is an allowed `not_supported`; `partial` otherwise (skips,
    xfails, errors, a subset)."""
    cases = list(cases)
    if any(c.outcome in BAD and c.outcome is not Outcome.ERROR for c in cases):  # error: the suite is at fault
        return NOT_CONFORMANT
    fine = all(
        c.outcome is Outcome.PASS
        or (c.outcome is Outcome.NOT_SUPPORTED and allowed_not_supported(c, host_profiles, host_features))
        for c in cases
    )
    return CONFORMANT if complete and cases and fine else PARTIAL


def verdicts(cases: Sequence[_Case], host: dict, complete: bool) -> dict[str, str]:
    """One verdict per profile the host declares."""
    profiles, features = host["profiles"], host["features"]
    return {p: profile_verdict((c for c in cases if c.profile == p), profiles, features, complete) for p in profiles}
