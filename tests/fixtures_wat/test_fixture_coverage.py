"""The corpus covers every manifest clause and every ErrorCode each import may return for a guest's reason."""

from __future__ import annotations

from conformance.manifest import load_manifest

from ._lint import all_fixtures, coverage_gaps

MIN_FIXTURES = 40


def test_every_clause_and_every_allowed_error_code_is_covered() -> None:
    fixtures = all_fixtures()
    assert len(fixtures) >= MIN_FIXTURES
    assert coverage_gaps(fixtures, load_manifest()) == []


def test_a_corpus_without_the_teardown_fixture_has_a_gap() -> None:
    fixtures = [f for f in all_fixtures() if "futures/instance-teardown" not in f.header["clauses"]]
    assert "clause futures/instance-teardown is in no fixture" in coverage_gaps(fixtures, load_manifest())
