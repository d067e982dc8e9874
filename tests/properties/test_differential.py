"""Differential mode: the same call sequence on two hosts; agreement is quiet, a bug is pinpointed."""

from __future__ import annotations

from conformance.fuzz.case import Case, Step, StepRef
from conformance.fuzz.differential import compare_hosts, trace_case
from conformance.fuzz.hosts import reference_host
from conformance.fuzz.world import DEFAULT_SCENARIO
from tests.mutants.marshalling_mutants import MUTANTS

from ._helpers import imp

OUT = 4096


def _case() -> Case:
    """connect, settle, poll, take the TrainingHandle, take again; and a u32 >= 2^31 through start."""
    hive = ((0, b"hive.test"), (64, b"run-1"), (128, b"g"), (192, b"{}"))
    start_args = (0, 9, 8080, 128, 1, 128, 1, 0x8000_0000, 7, 0, 192, 2, OUT + 64)
    return Case(
        steps=(
            Step(0, imp("connect_to_experiment").key, (0, 9, 8080, 64, 5, OUT), hive),
            Step(0, imp("poll_future_training_handle").key, (StepRef(0), OUT + 16), settle=True),
            Step(0, imp("take_future_training_handle").key, (StepRef(0), OUT + 32)),
            Step(0, imp("take_future_training_handle").key, (StepRef(0), OUT + 32)),
            Step(1, imp("start_training").key, start_args, hive),
        ),
        scenario=DEFAULT_SCENARIO,
    )


def test_a_host_agrees_with_itself_and_handles_are_renumbered():
    trace = trace_case(_case(), reference_host)
    assert [t.outcome for t in trace] == ["code 0", "code 0", "code 0", "code 6", "code 0"]
    assert trace[0].written[0][1] == "handle#1" and trace[2].written[0][1] == "handle#2"
    assert trace[0].requests[0][:2] == ("connect", "POST")
    assert compare_hosts(_case(), reference_host, reference_host) is None


def test_first_divergence_names_the_call_and_what_differs():
    div = compare_hosts(_case(), reference_host, MUTANTS["take-does-not-consume"])
    assert (div.step, div.call, div.field) == (3, "take_future_training_handle", "outcome")
    div = compare_hosts(_case(), reference_host, MUTANTS["no-unsigned-mask"])
    assert (div.step, div.field) == (4, "requests")
    assert "step 4 (start_training): requests differ" in div.describe()
