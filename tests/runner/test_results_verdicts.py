"""Verdict per profile (docs/results.md, "Verdicts"): each rule decides on a case built to trigger it."""

from __future__ import annotations

import pytest

from conformance.runner import BAD, Outcome, verdicts
from tests.reports.sample import case, results

HOST = {"profiles": ["core", "extended"], "features": ["remote-workers"]}


def _verdict(*cases, complete=True, host=HOST):
    return verdicts(list(cases), host, complete)


def test_all_passed_and_complete_is_conformant():
    assert _verdict(case(Outcome.PASS), case(Outcome.PASS, "extended")) == {
        "core": "conformant",
        "extended": "conformant",
    }


@pytest.mark.parametrize("bad", sorted(BAD - {Outcome.ERROR}))
def test_any_outcome_that_fails_the_run_is_not_conformant_for_its_profile_only(bad):
    assert _verdict(case(Outcome.PASS), case(bad, "extended")) == {"core": "conformant", "extended": "not conformant"}


def test_an_error_is_the_suite_s_fault_so_the_profile_is_partial_not_not_conformant():
    assert _verdict(case(Outcome.PASS), case(Outcome.ERROR))["core"] == "partial"


def test_an_incomplete_run_is_at_best_partial():
    assert _verdict(case(Outcome.PASS), complete=False)["core"] == "partial"


@pytest.mark.parametrize("outcome", [Outcome.SKIP, Outcome.XFAIL])
def test_skips_and_expected_failures_make_it_partial(outcome):
    assert _verdict(case(Outcome.PASS), case(outcome))["core"] == "partial"


def test_not_supported_is_allowed_only_for_an_undeclared_optional_feature():
    optional = case(Outcome.NOT_SUPPORTED, features=("checkpoint",))  # the host does not declare checkpoint
    assert _verdict(case(Outcome.PASS), optional)["core"] == "conformant"
    no_feature = case(Outcome.NOT_SUPPORTED)  # not_supported with no feature missing: the host dodged a case
    assert _verdict(case(Outcome.PASS), no_feature)["core"] == "partial"
    declared = case(Outcome.NOT_SUPPORTED, features=("remote-workers",))  # declared, yet not supported
    assert _verdict(case(Outcome.PASS), declared)["core"] == "partial"


def test_only_declared_profiles_get_a_verdict():
    host = {"profiles": ["core"], "features": []}
    assert _verdict(case(Outcome.PASS), case(Outcome.NOT_SUPPORTED, "extended"), host=host) == {"core": "conformant"}


def test_scope_names_a_partial_selection():
    run = results([case(Outcome.PASS)], pattern="start_training.pass", corpus=74)
    assert run.scope() == "partial selection: 1 of 74 fixtures (-k start_training.pass)"
    assert run.verdicts == {"core": "partial"} and not run.complete
    run.interrupted = True
    assert run.scope().startswith("interrupted: 1 of 74")
