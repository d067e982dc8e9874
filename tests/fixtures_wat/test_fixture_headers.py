"""Fixture headers name real clauses, imports and ErrorCodes (from the manifest) and real scenarios."""

from __future__ import annotations

import dataclasses

import pytest

from conformance.manifest import load_manifest

from ._lint import all_fixtures, header_problems

FIXTURES = all_fixtures()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.path.stem for f in FIXTURES])
def test_header_cross_references_hold(fixture) -> None:
    assert header_problems(fixture, load_manifest()) == []


def _with_first_check(fixture, **changes):
    header = dict(fixture.header)
    header["check"] = [dict(fixture.checks[0], **changes), *fixture.checks[1:]]
    return dataclasses.replace(fixture, header=header)


def test_an_error_code_the_import_cannot_return_is_flagged() -> None:
    fixture = _with_first_check(FIXTURES[0], code="ApiNotAvailable")
    assert any("is not an error of" in p for p in header_problems(fixture, load_manifest()))


def test_an_unknown_clause_is_flagged() -> None:
    fixture = _with_first_check(FIXTURES[0], clause="futures/made-up")
    assert any("unknown clause" in p for p in header_problems(fixture, load_manifest()))


def test_a_missing_scenario_is_flagged() -> None:
    fixture = dataclasses.replace(FIXTURES[0], header=dict(FIXTURES[0].header, scenario="no-such-scenario"))
    assert any("unknown scenario" in p for p in header_problems(fixture, load_manifest()))
