"""Hand-made run results with one case per outcome, for renderer and schema tests that need no host."""

from __future__ import annotations

from conformance.runner import BAD, CaseResult, Diagnostic, Outcome, RunResults, Selection, fixture_set_digest

TRANSCRIPT = [{"route": "start", "method": "POST", "path": "/api/v1/experiments", "json": {"game_name": "pong"}}]


def case(outcome: Outcome, profile: str = "core", features: tuple[str, ...] = ()) -> CaseResult:
    ran = outcome not in (Outcome.SKIP, Outcome.NOT_SUPPORTED)
    explained = (outcome in BAD and outcome is not Outcome.XPASS) or outcome is Outcome.XFAIL
    return CaseResult(
        id=f"start_training.{outcome}",
        title=f"a case whose outcome is {outcome}",
        path=f"fixtures_wat/start_training.{outcome}.wat",
        sha256="0" * 64,
        clauses=["hive/request-shape"],
        outcome=outcome,
        duration_seconds=0.01,
        rerun=f"ark-conformance run --host reference -k start_training.{outcome}" + (" --seed 7" if ran else ""),
        diagnostic=Diagnostic(f"check 1 went wrong <{outcome}>", clause="hive/request-shape", expected="1", actual="2")
        if explained
        else None,
        reason="why" if outcome in (Outcome.SKIP, Outcome.NOT_SUPPORTED, Outcome.XFAIL, Outcome.XPASS) else None,
        hive_requests=TRANSCRIPT if ran else [],
        profile=profile,
        features=list(features),
        seed=7 if ran else None,
    )


def results(cases: list[CaseResult] | None = None, pattern: str | None = None, corpus: int | None = None) -> RunResults:
    cases = [case(o) for o in Outcome] if cases is None else cases
    host = {"spec": "reference", "name": "h", "version": "1", "profiles": ["core"], "features": []}
    selection = Selection(
        fixtures_dir="fixtures_wat",
        pattern=pattern,
        corpus_size=len(cases) if corpus is None else corpus,
        fixture_set_sha256=fixture_set_digest((c.id, c.sha256) for c in cases),
    )
    return RunResults(host, cases, 1.0, "2026-01-01T00:00:00+00:00", 2, selection)
