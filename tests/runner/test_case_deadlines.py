"""Per-case bounds in-process: the wall-clock deadline, the step budget, traps and broken fixtures."""

from __future__ import annotations

from conformance.adapters import open_adapter
from conformance.runner import Outcome, load_fixture, run_case

from .helpers import DATA


def _run(name: str):
    with open_adapter("reference") as adapter:
        return run_case(adapter, load_fixture(DATA / f"{name}.wat"))


def test_guest_never_done_times_out_at_the_case_deadline():
    run = _run("never-done")
    assert run.outcome is Outcome.TIMEOUT
    assert "0.3 s" in run.diagnostic.message


def test_step_budget_is_a_timeout():
    run = _run("step-budget")
    assert run.outcome is Outcome.TIMEOUT
    assert run.steps == 5 and "max_steps = 5" in run.diagnostic.message


def test_guest_trap_is_a_crash_naming_the_trap():
    run = _run("trap")
    assert run.outcome is Outcome.CRASH
    assert "unreachable" in run.diagnostic.message


def test_missing_protocol_export_is_a_crash_naming_it():
    run = _run("no-journal")
    assert run.outcome is Outcome.CRASH
    assert run.diagnostic.message == "broken fixture: missing export(s) conformance_journal"


def test_guest_spinning_inside_one_step_is_interrupted_in_process():
    run = _run("spin")
    assert run.outcome is Outcome.TIMEOUT
    assert "conformance_step did not return within" in run.diagnostic.message
    assert "(interrupted)" in run.diagnostic.message
