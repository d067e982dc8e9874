"""Judging: each kind of failure is caught, and its diagnostic names clause, call, expected and actual."""

from __future__ import annotations

from conformance.runner import HiveObservation, Record, judge, load_fixture

from .helpers import DATA

SUCCESS = load_fixture(DATA / "start_training.success.wat")
CANARY = load_fixture(DATA / "poll_future_training_handle.canary.wat")
WORKERS = load_fixture(DATA / "stop_experiment.stops-remote-workers.wat")
START_BODY = {
    "game_name": "pong",
    "experiment_name": "exp",
    "num_features": 4,
    "num_actions": 2,
    "num_remote_workers": 0,
    "config": "{}",
    "checkpoint": None,
    "worker_module_cid": None,
}


def _seen(body=None, requests=None) -> HiveObservation:
    if requests is None:
        requests = [{"route": "start", "method": "POST", "path": "/api/v1/experiments", "json": body or START_BODY}]
    return HiveObservation(requests=requests)


GOOD = [Record(1, 0, b""), Record(2, 0, b"")]


def test_a_conforming_journal_passes():
    assert judge(SUCCESS, 1, GOOD, _seen()) is None


def test_wrong_code_names_both_codes_by_name():
    d = judge(SUCCESS, 1, [Record(1, 5, b""), Record(2, 0, b"")], _seen())
    assert d.message == "check 1 (ml__start_training): expected Success (0), got InvalidArguments (5)"
    assert (d.clause, d.call, d.expected, d.actual) == (
        "ml-v2/start_training/returns-future",
        "ml__start_training",
        "Success (0)",
        "InvalidArguments (5)",
    )


def test_code_outside_the_closed_set_is_charged_to_the_closed_set_clause():
    d = judge(SUCCESS, 1, [Record(1, 3, b""), Record(2, 0, b"")], _seen())
    assert d.clause == "abi/error-codes/closed-set"
    assert d.actual == "not an ErrorCode (3)"


def test_missing_record_is_a_failure():
    d = judge(SUCCESS, 1, [Record(1, 0, b"")], _seen())
    assert "check 2 (ml__take_future_training_handle) was never recorded" in d.message
    assert d.clause == "ml-v1/take_future_training_handle/writes-handle"


def test_duplicate_record_is_a_failure():
    d = judge(SUCCESS, 1, [Record(1, 0, b""), Record(1, 0, b""), Record(2, 0, b"")], _seen())
    assert "recorded 2 times" in d.message


def test_undeclared_record_is_a_failure():
    d = judge(SUCCESS, 1, [*GOOD, Record(9, 0, b"")], _seen())
    assert "check 9, which the fixture does not declare" in d.message


def test_canary_byte_overwritten_is_caught_at_its_offset():
    window = bytes([0xA5] * 4) + b"\x01" * 8 + bytes([0xA5] * 4)
    poll = bytes([0xA5] * 4) + b"\x00" + b"\x00" + bytes([0xA5] * 3)  # wrote 2 bytes: the canary after is hit
    d = judge(CANARY, 1, [Record(1, 0, window), Record(2, 0, poll), Record(3, 0, b"")], HiveObservation())
    assert d.message == (
        "check 2 (ml__poll_future_training_handle): the host wrote outside the PollSimple slot: canary after "
        "the slot, byte +0 (window byte 5): expected a5, got 00 (a5 = canary: memory the host must leave untouched)"
    )
    assert d.clause == "abi/memory/write-exactly-sizeof"  # the canary's clause, not the check's
    assert d.expected == "a5 a5 a5 a5 ?? a5 a5 a5 a5"


def test_wildcard_bytes_accept_anything():
    window = bytes([0xA5] * 4) + bytes(range(8)) + bytes([0xA5] * 4)
    poll = bytes([0xA5] * 4) + b"\x01" + bytes([0xA5] * 4)
    assert judge(CANARY, 1, [Record(1, 0, window), Record(2, 0, poll), Record(3, 0, b"")], HiveObservation()) is None


def test_recorded_length_differing_from_pattern_is_reported():
    d = judge(CANARY, 1, [Record(1, 0, b"\xa5")], HiveObservation())
    assert "recorded 1 bytes, the check pins 16" in d.message


def test_hive_request_count():
    d = judge(SUCCESS, 1, GOOD, _seen(requests=[]))
    assert d.message == "hive: expected 1 'start' request(s), got 0"
    assert d.clause == "ml-v2/start_training/hive-request"


def test_hive_body_field_mismatch():
    d = judge(SUCCESS, 1, GOOD, _seen({**START_BODY, "num_features": 2, "num_actions": 4}))
    assert d.message == "hive: 'start' request 1 of 1, body field 'num_features': expected 4, got 2"


def test_hive_null_field_must_be_null():
    d = judge(SUCCESS, 1, GOOD, _seen({**START_BODY, "checkpoint": ""}))
    assert "'checkpoint': expected None, got ''" in d.message


def test_hive_worker_states_on_the_started_run():
    journal = [Record(i, 0, b"") for i in (1, 2, 3, 4)]
    body = {**START_BODY, "num_remote_workers": 2, "worker_module_cid": "bafy-worker"}
    requests = [
        {"route": "start", "method": "POST", "path": "/api/v1/experiments", "json": body},
        {"route": "stop", "method": "POST", "path": "/api/v1/runs/run-2/stop", "json": {}},
    ]
    ok = HiveObservation(requests, {"run-1": [], "run-2": ["stopped", "stopped"]}, ["run-2"])
    assert judge(WORKERS, 1, journal, ok) is None
    still_running = HiveObservation(requests, {"run-2": ["stopped", "running"]}, ["run-2"])
    d = judge(WORKERS, 1, journal, still_running)
    assert "workers expected {'running': 0, 'stopped': 2}" in d.message
    assert d.clause == "ml-v2/stop_experiment/stops-remote-workers"
    none_started = HiveObservation(requests, {}, [])
    assert "no run" in judge(WORKERS, 1, journal, none_started).message


def test_guest_reported_failure_is_a_failure():
    d = judge(SUCCESS, 7, GOOD, _seen())
    assert "conformance_step returned 7" in d.message
