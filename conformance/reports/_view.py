"""What every rendering shows, computed once: clause texts, hive transcripts, diagnostic lines, groups.

Why here: JUnit, Markdown, HTML and the matrix quote the same clause text and the same transcript;
computing them once keeps the reports in agreement and the renderers free of lookups.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import cache
from typing import Any

from conformance.manifest import load_manifest
from conformance.runner import BAD, ORDER, CaseResult, Outcome, RunResults, summary


@cache
def clause_texts() -> dict[str, str]:
    """Clause id -> its text in the manifest (ABI-wide and per-import clauses)."""
    manifest = load_manifest()
    clauses = list(manifest.clauses) + [c for imp in manifest.imports for c in imp.clauses]
    return {c.id: c.text for c in clauses}


def transcript(requests: list[dict[str, Any]]) -> str:
    """The hive requests of a case, one `METHOD path` line each with its JSON body below."""
    lines = []
    for request in requests:
        lines.append(f"{request.get('method', '?')} {request.get('path', '?')}  [{request.get('route', '?')}]")
        if request.get("json") is not None:
            lines.append("    " + json.dumps(request["json"], sort_keys=True))
    return "\n".join(lines)


def diagnostic_lines(case: CaseResult) -> list[tuple[str, str]]:
    """(label, value) pairs: every field the diagnostic carries, then the reason; in the judge's order."""
    pairs = [(str(k), str(v)) for k, v in (case.diagnostic.to_dict() if case.diagnostic else {}).items()]
    if case.reason:
        pairs.append(("reason", case.reason))
    return pairs


def headline(case: CaseResult) -> str:
    """One line on why a case is not a plain pass: the diagnostic's message, else the reason."""
    if case.outcome is Outcome.XPASS:
        return f"passed but expected to fail: {case.reason}"
    text = case.diagnostic.message if case.diagnostic else (case.reason or "")
    if case.reason and case.diagnostic:
        text += f" (expected: {case.reason})"
    return text


def is_bad(outcome: Outcome) -> bool:
    return outcome in BAD


def counts(results: RunResults) -> dict[str, int]:
    """Count per outcome, every outcome in summary order (zeros included)."""
    found = Counter(results.outcomes)
    return {str(o): found[o] for o in ORDER}


def notable(results: RunResults) -> list[CaseResult]:
    """Cases that did not pass: the ones that fail the run first, then the others, each in fixture order."""
    others = [c for c in results.cases if c.outcome is not Outcome.PASS]
    return sorted(others, key=lambda c: not is_bad(c.outcome))


def clause_table(results: RunResults) -> list[dict[str, Any]]:
    """Rows of imports x clauses: per (import, clause) the cases naming it and their outcome counts."""
    rows: dict[tuple[str, str], list[CaseResult]] = defaultdict(list)
    for case in results.cases:
        for clause in case.clauses or ["(none)"]:
            rows[(case.import_name, clause)].append(case)
    table = []
    for (imp, clause), cases in sorted(rows.items()):
        outcomes = [c.outcome for c in cases]
        table.append(
            {
                "import": imp,
                "clause": clause,
                "text": clause_texts().get(clause, ""),
                "cases": [c.id for c in cases],
                "summary": summary(outcomes),
                "bad": any(is_bad(o) for o in outcomes),
            }
        )
    return table


def anchor(case_id: str) -> str:
    """An HTML id for a case (fixture ids are dotted words and dashes, valid in ids as they are)."""
    return "case-" + "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in case_id)
