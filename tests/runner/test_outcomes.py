"""Outcomes: which ones fail the run, and how the summary line reads."""

from __future__ import annotations

import pytest

from conformance.runner import Outcome, exit_code, summary


@pytest.mark.parametrize("bad", [Outcome.FAIL, Outcome.XPASS, Outcome.TIMEOUT, Outcome.CRASH])
def test_each_bad_outcome_fails_the_run(bad):
    assert exit_code([Outcome.PASS, bad, Outcome.SKIP]) == 1


def test_benign_outcomes_keep_exit_zero():
    assert exit_code([Outcome.PASS, Outcome.SKIP, Outcome.NOT_SUPPORTED, Outcome.XFAIL]) == 0
    assert exit_code([]) == 0


def test_summary_lists_occurring_outcomes_in_order():
    outcomes = [Outcome.CRASH, Outcome.PASS, Outcome.PASS, Outcome.FAIL, Outcome.NOT_SUPPORTED]
    assert summary(outcomes) == "2 passed, 1 failed, 1 not supported, 1 crashed"
    assert summary([]) == "no cases"
