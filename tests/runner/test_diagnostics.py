"""Diagnostics point at the bug: each kind shown on a faulty host of the mutant gallery.

A byte mismatch is charged to the clause it breaks (a canary byte written on error to
abi/memory/write-only-on-success, a canary byte past the slot on Success to
abi/memory/write-exactly-sizeof, a slot byte to the check's clause), names the struct and field from
the manifest's layout, says what a5 means, and quotes the clause text from the manifest.
"""

from __future__ import annotations

import pytest

from conformance.adapters import open_adapter
from conformance.manifest import load_manifest
from conformance.runner import Outcome, load_fixture, run_case

from .helpers import CORPUS

CANARY_MEANING = "a5 = canary: memory the host must leave untouched"


def _diagnose(mutant: str, fixture_id: str):
    with open_adapter(f"python:tests.mutants.gallery_hosts:{mutant}") as adapter:
        run = run_case(adapter, load_fixture(CORPUS / f"{fixture_id}.wat"), seed=1)
    assert run.outcome is Outcome.FAIL, run
    return run.diagnostic


@pytest.mark.parametrize(
    ("mutant", "fixture_id", "clause", "where", "says"),
    [
        (  # writes the out slot although it refuses the call
            "WritesOutputOnError",
            "start_training.empty-hive-url",
            "abi/memory/write-only-on-success",
            "FutureHandle, bytes 0..8",
            ["wrote guest memory although the call returned an error", "expected a5, got 00", CANARY_MEANING],
        ),
        (  # one byte past every output on Success
            "WritePastOutputSlot",
            "start_training.success",
            "abi/memory/write-exactly-sizeof",
            "canary after the slot, byte +0",
            ["wrote outside the FutureHandle slot", "expected a5, got 00", CANARY_MEANING],
        ),
        (  # slot bytes: the field by name, values as integers
            "ArkConfigFieldsSwapped",
            "experiment_config.success",
            "ml-v2/take_future_ark_experiment_config/writes-config",
            "ArkExperimentConfig.num_features, bytes 0..4",
            ["ArkExperimentConfig.num_features, bytes 0..4: expected 7, got 3"],
        ),
        (  # padding inside a struct: named, shown as bytes
            "PollVecPadNotWritten",
            "poll_future_vec_u8.ready-layout",
            None,
            "PollVec._pad, bytes 1..4",
            ["PollVec._pad, bytes 1..4: expected 00 00 00, got a5 a5 a5"],
        ),
    ],
)
def test_byte_mismatch_names_clause_field_and_canary(mutant, fixture_id, clause, where, says):
    d = _diagnose(mutant, fixture_id)
    fixture = load_fixture(CORPUS / f"{fixture_id}.wat")
    check_clauses = {c.clause for c in fixture.checks}
    if clause is None:  # the check's own clause
        assert d.clause in check_clauses
    else:
        assert d.clause == clause
    assert d.where == where
    for text in says:
        assert text in d.message
    assert d.clause_text == load_manifest().clause(d.clause).text
    assert d.to_dict()["clause_text"] == d.clause_text and d.to_dict()["where"] == where


def test_code_outside_the_closed_set_is_charged_to_closed_set_with_its_text():
    d = _diagnose("ErrorCodeOutsideSet", "start_training.empty-hive-url")
    assert d.clause == "abi/error-codes/closed-set"
    assert "not an ErrorCode (1)" in d.message
    assert d.clause_text.startswith("Every import MUST return one of the ErrorCode values")
    assert "where" not in d.to_dict()


def test_wrong_code_quotes_its_clause():
    d = _diagnose("EmptyUrlAccepted", "start_training.empty-hive-url")
    assert d.clause_text == load_manifest().clause(d.clause).text
