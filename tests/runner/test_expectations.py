"""Expectations files: mandatory reasons, skip, xfail and xpass."""

from __future__ import annotations

import pytest

from conformance.runner import ExpectationsError, Outcome, apply, load_expectations


def _write(tmp_path, text):
    path = tmp_path / "host.toml"
    path.write_text(text, "utf-8")
    return path


def test_entries_match_by_id_or_pattern(tmp_path):
    exp = load_expectations(
        _write(
            tmp_path,
            '[[case]]\nid = "start_training.*"\nstatus = "fail"\nreason = "r1"\n'
            '[[case]]\nid = "stop.x"\nstatus = "skip"\nreason = "r2"\n',
        )
    )
    assert exp.lookup("start_training.success").reason == "r1"
    assert exp.lookup("stop.x").status == "skip"
    assert exp.lookup("other") is None
    assert [e.pattern for e in exp.unmatched(["stop.x"])] == ["start_training.*"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[case]]\nid = "a"\nstatus = "fail"\n', "a reason is mandatory"),
        ('[[case]]\nid = "a"\nstatus = "fail"\nreason = "  "\n', "a reason is mandatory"),
        ('[[case]]\nid = "a"\nstatus = "maybe"\nreason = "r"\n', "status must be one of"),
        ('[[case]]\nstatus = "skip"\nreason = "r"\n', "missing id"),
        ('[[case]]\nid = "a"\nstatus = "skip"\nreason = "r"\nwhy = 1\n', "unknown key"),
        ("[[cases]]\n", "unknown top-level"),
        ("[[case]\n", "not a readable TOML"),
    ],
)
def test_malformed_files_are_one_line_errors(tmp_path, text, message):
    with pytest.raises(ExpectationsError, match=message):
        load_expectations(_write(tmp_path, text))


def test_missing_file(tmp_path):
    with pytest.raises(ExpectationsError, match="no such expectations file"):
        load_expectations(tmp_path / "absent.toml")


def test_expected_failure_turns_fail_into_xfail_and_pass_into_xpass(tmp_path):
    exp = load_expectations(_write(tmp_path, '[[case]]\nid = "a"\nstatus = "fail"\nreason = "r"\n')).lookup("a")
    assert apply(exp, Outcome.FAIL) is Outcome.XFAIL
    assert apply(exp, Outcome.CRASH) is Outcome.XFAIL
    assert apply(exp, Outcome.TIMEOUT) is Outcome.XFAIL
    assert apply(exp, Outcome.PASS) is Outcome.XPASS
    assert apply(None, Outcome.FAIL) is Outcome.FAIL


def test_the_reference_host_expectations_file_is_valid():
    from .helpers import ROOT

    exp = load_expectations(ROOT / "conformance" / "expectations" / "reference_host.toml")
    assert all(e.reason for e in exp.entries)
