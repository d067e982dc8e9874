"""The terminal reporter: counter, colour only on a TTY without NO_COLOR, slow cases named, slowest listed;
and Ctrl-C: a partial report marked incomplete, exit 130."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading

import pytest

from conformance.reports import TerminalReporter, use_colour
from conformance.runner import Outcome
from tests.processes import sigint_inherited_as_default
from tests.reports import sample
from tests.runner.helpers import DATA, ROOT


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Fixture:
    def __init__(self, case_id: str) -> None:
        self.id = case_id


@pytest.mark.parametrize(
    ("stream", "env", "expected"),
    [
        (_Tty(), {}, True),
        (_Tty(), {"NO_COLOR": "1"}, False),
        (io.StringIO(), {}, False),
        (_Tty(), {"NO_COLOR": ""}, True),
    ],
)
def test_colour_only_on_a_terminal_and_never_with_no_color(stream, env, expected):
    assert use_colour(stream, env) is expected


def _drive(reporter: TerminalReporter, outcomes: list[Outcome]) -> None:
    cases = [sample.case(o) for o in outcomes]
    reporter.run_started([_Fixture(c.id) for c in cases], {})
    for case in cases:
        reporter.case_started(_Fixture(case.id))
        reporter.case_done(case)
    reporter.run_done(sample.results(cases))


def test_on_a_tty_one_status_line_with_the_counter_and_coloured_outcomes():
    err, out = _Tty(), io.StringIO()
    _drive(TerminalReporter(err, out, colour=True), [Outcome.PASS, Outcome.FAIL])
    text = err.getvalue()
    assert "\r\x1b[K[1/2] start_training.pass \x1b[32mpass\x1b[0m" in text
    assert "[2/2] start_training.fail \x1b[31mfail\x1b[0m\n" in text  # a bad outcome keeps its line
    assert "\x1b[31mFAIL\x1b[0m start_training.fail: check 1 went wrong <fail>" in text


def test_off_a_tty_one_character_per_case_and_no_escape_codes():
    err, out = io.StringIO(), io.StringIO()
    _drive(TerminalReporter(err, out), [Outcome.PASS, Outcome.SKIP, Outcome.TIMEOUT])
    assert err.getvalue().startswith(".sT [3/3]\n") and "\x1b" not in err.getvalue()
    assert out.getvalue().startswith("1 passed, 1 skipped, 1 timed out in 1.00 s; all 3 fixtures (host h 1; core: ")


def test_the_summary_lists_the_slowest_cases():
    cases = [sample.case(o) for o in (Outcome.PASS, Outcome.FAIL, Outcome.XPASS)]
    for seconds, case in zip((0.5, 3.0, 1.5), cases, strict=True):
        case.duration_seconds = seconds
    err = io.StringIO()
    TerminalReporter(err, io.StringIO()).run_done(sample.results(cases))
    assert (
        "slowest: start_training.fail 3.00 s, start_training.xpass 1.50 s, start_training.pass 0.50 s" in err.getvalue()
    )


def test_a_case_running_longer_than_the_threshold_is_named_once():
    err = io.StringIO()
    reporter = TerminalReporter(err, io.StringIO(), slow_seconds=0.0)
    named = threading.Event()
    original = reporter.err.write

    def write(text: str) -> int:
        if "still running" in text:
            named.set()
        return original(text)

    reporter.err.write = write  # type: ignore[method-assign]
    reporter.run_started([_Fixture("start_training.hangs")], {})
    reporter.case_started(_Fixture("start_training.hangs"))
    assert named.wait(10)
    reporter.run_done(sample.results([sample.case(Outcome.PASS)]))
    assert err.getvalue().count("still running after 0 s: start_training.hangs") == 1


def test_quiet_prints_only_the_summary_and_the_failures():
    err, out = io.StringIO(), io.StringIO()
    _drive(TerminalReporter(err, out, quiet=True), [Outcome.PASS, Outcome.CRASH])
    assert "[" not in err.getvalue() and "slowest" not in err.getvalue()
    assert "CRASH start_training.crash" in err.getvalue() and out.getvalue().startswith("1 passed, 1 crashed")


def test_ctrl_c_writes_a_partial_report_marked_incomplete_and_exits_130(tmp_path):
    report = tmp_path / "report"
    argv = [sys.executable, "-m", "conformance", "run", "--host", "reference", "--fixtures", str(DATA)]
    argv += ["--jobs", "1", "--report-dir", str(report)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    with sigint_inherited_as_default():
        process = subprocess.Popen(argv, cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE)
    assert process.stderr is not None
    process.stderr.read(1)  # the first case is done: the run is under way
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err.decode()
    data = json.loads((report / "results.json").read_text())
    assert data["complete"] is False and data["interrupted"] is True
    assert 0 < len(data["cases"]) < data["selection"]["fixture_count"]
    assert b"interrupted: " in err and "Traceback" not in err.decode()
    assert "interrupted" in (report / "report.md").read_text()
    assert 'id="scope"' in (report / "report.html").read_text()
