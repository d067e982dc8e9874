"""`verify`: is a results.json genuine, complete and self-consistent, for the suite installed here?

Why: a published results file is a claim ("host X is conformant"). Like a CTS submission verifier, this
recomputes everything that can be recomputed (counts, exit code, verdicts, the fixture-set digest) and
names every discrepancy, one reason per line, instead of trusting the file.
"""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace
from typing import Any

from conformance import __version__

from ._fixture import Fixture
from ._outcome import ORDER, Outcome, exit_code
from ._results import RESULTS_SCHEMA_VERSION, fixture_set_digest, results_schema
from ._verdict import verdicts

REASON_OUTCOMES = frozenset({Outcome.SKIP, Outcome.NOT_SUPPORTED, Outcome.XFAIL, Outcome.XPASS})
MAX_SCHEMA_ERRORS = 10


def verify_results(data: Any, corpus: list[Fixture]) -> list[str]:
    """Every reason `data` (a parsed results.json) does not certify against `corpus` (the installed
    fixture set); empty when it certifies."""
    if not isinstance(data, dict):
        return ["not a results.json object"]
    if data.get("schema_version") != RESULTS_SCHEMA_VERSION:
        return [f"schema_version {data.get('schema_version')!r}: this suite verifies {RESULTS_SCHEMA_VERSION!r}"]
    import jsonschema  # only when verifying: a run does not need it

    errors = sorted(jsonschema.Draft202012Validator(results_schema()).iter_errors(data), key=lambda e: e.json_path)
    if errors:
        return [f"schema: {e.json_path}: {e.message}" for e in errors[:MAX_SCHEMA_ERRORS]]
    return _provenance(data, corpus) + _completeness(data, corpus) + _consistency(data) + _cases(data)


def _provenance(data: dict, corpus: list[Fixture]) -> list[str]:
    installed = fixture_set_digest((f.id, f.sha256) for f in corpus)
    if data["selection"]["fixture_set_sha256"] == installed:
        return []
    made_with = data["suite"]["version"]
    return [
        f"fixture set digest {data['selection']['fixture_set_sha256'][:12]} is not the installed suite's "
        f"({installed[:12]}, ark-ml-conformance {__version__}); the results were made with "
        f"ark-ml-conformance {made_with}"
    ]


def _completeness(data: dict, corpus: list[Fixture]) -> list[str]:
    reasons = []
    if not data["complete"]:
        reasons.append("the run is marked incomplete")
    if data["interrupted"]:
        reasons.append("the run was interrupted")
    if data["selection"]["pattern"]:
        reasons.append(f"the run selected a subset (-k {data['selection']['pattern']})")
    ids = [c["id"] for c in data["cases"]]
    duplicates = sorted(i for i, n in Counter(ids).items() if n > 1)
    if duplicates:
        reasons.append(f"case(s) reported more than once: {', '.join(duplicates)}")
    by_id = {f.id: f for f in corpus}
    missing = sorted(set(by_id) - set(ids))
    if missing:
        reasons.append(f"{len(missing)} fixture(s) have no result: {', '.join(missing[:5])}")
    unknown = sorted(set(ids) - set(by_id))
    if unknown:
        reasons.append(f"case(s) that are not fixtures of this suite: {', '.join(unknown[:5])}")
    for case in data["cases"]:
        fixture = by_id.get(case["id"])
        if fixture is not None and fixture.sha256 != case["sha256"]:
            reasons.append(f"{case['id']}: sha256 is not the installed fixture's")
        if fixture is not None and fixture.profile != case["profile"]:
            reasons.append(f"{case['id']}: profile {case['profile']!r} is not the fixture's {fixture.profile!r}")
    if len(ids) != data["selection"]["fixture_count"] and not reasons:
        reasons.append(f"{len(ids)} cases for a set of {data['selection']['fixture_count']} fixtures")
    return reasons


def _consistency(data: dict) -> list[str]:
    reasons = []
    outcomes = [Outcome(c["outcome"]) for c in data["cases"]]
    found = Counter(outcomes)
    expected = {str(o): found[o] for o in ORDER}
    if data["summary"] != expected:
        wrong = [k for k in expected if data["summary"].get(k) != expected[k]]
        reasons.append(f"summary counts do not follow from the cases ({', '.join(wrong)})")
    if data["exit_code"] != exit_code(outcomes):
        reasons.append(f"exit_code {data['exit_code']} does not follow from the cases ({exit_code(outcomes)})")
    complete = not data["interrupted"] and not data["selection"]["pattern"]
    complete = complete and len(outcomes) == data["selection"]["fixture_count"]
    if data["complete"] and not complete:
        reasons.append("`complete` is true but the cases do not cover the fixture set")
    cases = [
        SimpleNamespace(outcome=Outcome(c["outcome"]), profile=c["profile"], features=c["features"])
        for c in data["cases"]
    ]
    recomputed = verdicts(cases, data["host"], data["complete"])
    for profile in sorted(set(recomputed) | set(data["verdicts"])):
        stated, right = data["verdicts"].get(profile), recomputed.get(profile)
        if stated != right:
            reasons.append(f"verdict for profile {profile!r} is {stated!r}; the cases give {right!r}")
    return reasons


def _cases(data: dict) -> list[str]:
    reasons = []
    for case in data["cases"]:
        outcome = Outcome(case["outcome"])
        if outcome in REASON_OUTCOMES and not str(case.get("reason", "")).strip():
            reasons.append(f"{case['id']}: {outcome} without a reason")
        ran = case["seed"] is not None
        if ran and f"--seed {case['seed']}" not in case["rerun"]:
            reasons.append(f"{case['id']}: rerun command does not carry the case's seed {case['seed']}")
        if f"-k {case['id']}" not in case["rerun"]:
            reasons.append(f"{case['id']}: rerun command does not select this case")
    return reasons
