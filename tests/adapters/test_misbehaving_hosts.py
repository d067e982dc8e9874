"""A gallery of misbehaving subprocess hosts: none of them can break a run.

Each test runs `ark-conformance run` (a real process, as a user would) against misbehaving/host.py in one
mode, and checks what issue 9 asks of the subprocess adapter: the run ends (a hang guard bounds it), the
misbehaving case gets the right outcome with a message naming what was wrong, the host is restarted and
the next case passes, the three reports are written, there is no traceback, the exit code is right, and
no process the host started is left alive. Each mode is a deliberately broken host, so every check here
is shown to catch the misbehaviour it names; `test_a_correct_host_passes_both_cases` is the baseline.
"""

from __future__ import annotations

import pytest

from ._gallery import CASE_SECONDS, FIRST, GalleryRun, run_gallery

REPORTS = ["junit.xml", "report.html", "report.md", "results.json"]
VIOLATION = "host crashed: host broke the subprocess protocol: "

# mode -> what the first case's diagnostic must say (the second case runs on a restarted host and passes)
CRASHES = {
    "garbage": VIOLATION + "a line that is not JSON in answer to 'call'",
    "not-utf8": VIOLATION + "a line that is not JSON in answer to 'call'",
    "deep-json": VIOLATION + "a line that is not JSON in answer to 'call'",
    "reply-not-object": VIOLATION + "a JSON list instead of an object in answer to 'call'",
    "stray-ids": VIOLATION + "a reply with id 1 while request",
    "stray-before-reply": VIOLATION + "a reply with id",
    "wrong-id": VIOLATION + "a reply with id",
    "id-as-string": VIOLATION + "a reply with id '",
    "ok-without-results": VIOLATION + "invalid 'call' reply: reply: 'results' is a required property",
    "ok-as-string": VIOLATION + "invalid 'call' reply: 'ok' must be true or false",
    "results-not-a-list": VIOLATION + "invalid 'call' reply: results: '0' is not of type 'array'",
    "result-float": VIOLATION + "invalid 'call' reply: results/0:",
    "too-many-results": VIOLATION + "invalid 'call' reply: conformance_step has 1 result(s), the host sent 2",
    "error-without-kind": VIOLATION + "invalid 'call' reply: error: 'kind' is a required property",
    "unknown-error-kind": VIOLATION + "invalid 'call' reply: error/kind: 'explode' is not one of",
    "bad-base64": VIOLATION + "invalid 'read_memory' reply: data_b64:",
    "short-read": VIOLATION + "invalid 'read_memory' reply: 0 bytes for a read of",
    "negative-memory-size": VIOLATION + "invalid 'memory_size' reply: size:",
    "instance-zero": VIOLATION + "invalid 'instantiate' reply: instance:",
    "huge-line": VIOLATION + "a line of more than 1048576 bytes in answer to 'call'",
    "die-mid-case": "host crashed: host process exited during 'call' (exit code 3); stderr: last words last words",
    "kill-self": "host crashed: host process exited during 'call' (exit code -9)",
    "close-stdout": "host crashed: host process closed its stdout during 'call' (still running: killed)",
    "fork-then-die": "host crashed: host process exited during 'call' (exit code 4)",
}
TIMEOUTS = {
    "hang": "host did not answer 'call' within",
    "slow-drip": "host did not answer 'call' within",
}
# Hosts that misbehave around the cases, not in them: every case passes, and nothing is left behind.
PASSES = ("fork-at-start", "ignore-shutdown", "stderr-flood", "v1")
BAD_HELLOS = {
    "hello-not-object": "host broke the subprocess protocol: a JSON str instead of an object in answer to 'hello'",
    "hello-protocol-string": "invalid 'hello' reply: protocol: '2' is not of type 'integer'",
    "hello-no-name": "invalid 'hello' reply: reply: 'name' is a required property",
    "hello-no-limits": "invalid 'hello' reply: reply: 'limits' is a required property",
    "hello-protocol-3": "host 'misbehaving' speaks subprocess protocol 3; this runner speaks 1 and 2",
    "hello-garbage": "host broke the subprocess protocol: a line that is not JSON in answer to 'hello'",
    "hello-exit": "host process exited during 'hello' (exit code 0)",
    "hello-error": "host reported internal error for 'hello': cannot start",
}


def _assert_run_survived(run: GalleryRun) -> None:
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr
    assert run.reports == REPORTS
    assert run.leftovers == [], f"host processes outlived the run: {run.leftovers}"


@pytest.mark.parametrize("mode", sorted(CRASHES))
def test_misbehaving_case_is_a_crash_and_the_run_goes_on(tmp_path, mode):
    run = run_gallery(tmp_path, mode)
    _assert_run_survived(run)
    assert run.outcomes == ["crash", "pass"], run.stderr
    assert run.diagnostic(0).startswith(CRASHES[mode]), run.diagnostic(0)
    assert len(run.diagnostic(0)) < 400  # whatever the host wrote, on stdout or stderr
    assert run.exit_code == 1


@pytest.mark.parametrize("mode", sorted(TIMEOUTS))
def test_host_that_never_finishes_its_reply_is_a_timeout_at_the_case_deadline(tmp_path, mode):
    run = run_gallery(tmp_path, mode)
    _assert_run_survived(run)
    assert run.outcomes == ["timeout", "pass"], run.stderr
    assert run.diagnostic(0).startswith(TIMEOUTS[mode]) and "(killed)" in run.diagnostic(0)
    seconds = float(run.diagnostic(0).split("within ")[1].split(" s")[0])
    assert seconds <= CASE_SECONDS  # the deadline the case started with, whatever the host wrote meanwhile
    assert run.exit_code == 1


@pytest.mark.parametrize("mode", PASSES)
def test_host_misbehaving_around_the_cases_passes_and_leaves_nothing_behind(tmp_path, mode):
    run = run_gallery(tmp_path, mode)
    _assert_run_survived(run)
    assert run.outcomes == ["pass", "pass"], run.stderr
    assert run.exit_code == 0


def test_a_correct_host_passes_both_cases_as_a_command(tmp_path):
    """The gallery's baseline (a host that does nothing wrong), run as a user runs it: in its own process."""
    run = run_gallery(tmp_path, "correct", own_process=True)
    _assert_run_survived(run)
    assert run.outcomes == ["pass", "pass"] and run.exit_code == 0


@pytest.mark.parametrize("mode", ["stray-ids", "fork-then-die"])
def test_misbehaving_host_as_a_command_is_a_crash_without_a_traceback(tmp_path, mode):
    run = run_gallery(tmp_path, mode, own_process=True)
    _assert_run_survived(run)
    assert run.outcomes == ["crash", "pass"] and run.exit_code == 1


def test_bad_hello_as_a_command_is_one_line_and_exit_2(tmp_path):
    run = run_gallery(tmp_path, "hello-protocol-3", once=False, own_process=True)
    assert run.exit_code == 2 and run.stderr.count("\n") == 1 and BAD_HELLOS["hello-protocol-3"] in run.stderr
    assert run.leftovers == []


@pytest.mark.parametrize("mode", sorted(BAD_HELLOS))
def test_bad_hello_is_one_line_and_exit_2(tmp_path, mode):
    run = run_gallery(tmp_path, mode, once=False, pattern=FIRST)
    assert run.exit_code == 2, run.stderr
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("ark-conformance: error: host "), run.stderr
    assert BAD_HELLOS[mode] in run.stderr
    assert run.leftovers == []
