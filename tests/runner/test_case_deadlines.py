"""Per-case bounds in-process: the wall-clock deadline, the step budget, traps and broken fixtures.

`crash` is the host's or the guest's death; `error` is a broken fixture or a runner bug, never charged
to the host (docs/results.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.adapters import open_adapter
from conformance.runner import Outcome, load_fixture, run_case

from .helpers import DATA, fixture_dir, write_variant

JOURNAL_EXPORT = '(func (export "conformance_journal") (result i32) (i32.const 0x400))'


def _run(name: str, host: str = "reference"):
    with open_adapter(host) as adapter:
        return run_case(adapter, load_fixture(DATA / f"{name}.wat"))


def _run_broken(tmp_path: Path, *replacements: tuple[str, str]):
    """`no-journal` with its journal export added, then the given text replacements: one broken guest."""
    text = (
        (DATA / "no-journal.wat")
        .read_text("utf-8")
        .replace('(func (export "conformance_step")', JOURNAL_EXPORT + '\n  (func (export "conformance_step")')
    )
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = write_variant(fixture_dir(tmp_path), "no-journal", text)
    with open_adapter("reference") as adapter:
        return run_case(adapter, load_fixture(path))


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


def test_missing_protocol_export_is_an_error_naming_it():
    run = _run("no-journal")
    assert run.outcome is Outcome.ERROR
    assert run.diagnostic.message == "broken fixture: missing export(s) conformance_journal"


def test_the_repaired_guest_passes(tmp_path):
    """The baseline of the broken variants below: with a journal export, the guest passes."""
    assert _run_broken(tmp_path).outcome is Outcome.PASS


@pytest.mark.parametrize(
    ("replacement", "message"),
    [
        (
            (
                '(func (export "conformance_protocol") (result i32) (i32.const 1))',
                '(func (export "conformance_protocol") (result i32) (i32.const 2))',
            ),
            "guest speaks protocol 2",
        ),
        (
            (JOURNAL_EXPORT, JOURNAL_EXPORT.replace("0x400", "0xfffffff0")),
            "journal address 0xfffffff0 is outside memory",
        ),
        (('(memory (export "memory") 1)', '(memory (export "memory") 1) (func $broken (i32.add))'), "broken fixture: "),
    ],
    ids=["wrong-protocol-version", "journal-outside-memory", "wat-does-not-compile"],
)
def test_broken_fixture_is_an_error_not_a_crash(tmp_path, replacement, message):
    run = _run_broken(tmp_path, replacement)
    assert run.outcome is Outcome.ERROR
    assert run.diagnostic.message.startswith("broken fixture: ") and message in run.diagnostic.message


def test_runner_bug_is_an_error(tmp_path, monkeypatch):
    def broken_judge(*args: object) -> None:
        raise KeyError("runner bug")

    monkeypatch.setattr("conformance.runner._case.judge", broken_judge)
    run = _run_broken(tmp_path)
    assert run.outcome is Outcome.ERROR
    assert run.diagnostic.message == "internal error in the runner: KeyError: 'runner bug'"


def test_trapping_host_is_a_crash():
    run = _run("start_training.success", "python:tests.runner.hosts:TrappingHost")
    assert run.outcome is Outcome.CRASH
    assert "host bug: start_training blew up" in run.diagnostic.message


def test_guest_spinning_inside_one_step_is_interrupted_in_process():
    run = _run("spin")
    assert run.outcome is Outcome.TIMEOUT
    assert "conformance_step did not return within" in run.diagnostic.message
    assert "(interrupted)" in run.diagnostic.message
