"""Outcomes: which ones fail the run, and how the summary line reads."""

from __future__ import annotations

import pytest

from conformance.runner import Outcome, error_line, exit_code, summary


@pytest.mark.parametrize("bad", [Outcome.FAIL, Outcome.XPASS, Outcome.TIMEOUT, Outcome.CRASH, Outcome.ERROR])
def test_each_bad_outcome_fails_the_run(bad):
    assert exit_code([Outcome.PASS, bad, Outcome.SKIP]) == 1


def test_benign_outcomes_keep_exit_zero():
    assert exit_code([Outcome.PASS, Outcome.SKIP, Outcome.NOT_SUPPORTED, Outcome.XFAIL]) == 0
    assert exit_code([]) == 0


def test_summary_lists_occurring_outcomes_in_order():
    outcomes = [Outcome.CRASH, Outcome.PASS, Outcome.PASS, Outcome.FAIL, Outcome.NOT_SUPPORTED]
    assert summary(outcomes) == "2 passed, 1 failed, 1 not supported, 1 crashed"
    assert summary([]) == "no cases"


def test_errors_get_a_line_of_their_own_that_clears_the_host():
    assert error_line([Outcome.PASS, Outcome.CRASH]) is None
    line = error_line([Outcome.ERROR, Outcome.PASS, Outcome.ERROR])
    assert line == "2 cases errored: the fixture or the suite is at fault, not the host; the run cannot pass"
    assert summary([Outcome.PASS, Outcome.ERROR]) == "1 passed, 1 errored"


def test_an_expectation_cannot_turn_an_error_into_an_xfail():
    """`error` says nothing about the host, so an expected failure does not absorb it."""
    from conformance.runner import Expectation, apply

    assert apply(Expectation("x", "fail", "known bug"), Outcome.ERROR) is Outcome.ERROR
    assert apply(Expectation("x", "fail", "known bug"), Outcome.CRASH) is Outcome.XFAIL
