"""The subprocess adapter: a host crash or hang ends that case only; the next case gets a fresh host."""

from __future__ import annotations

import io
import json

from conformance.adapters import open_adapter
from conformance.runner import Outcome, load_fixture, run_case

from .helpers import DATA, serve_spec

SUCCESS = load_fixture(DATA / "start_training.success.wat")


def test_host_crash_mid_case_is_a_crash_for_that_case_only():
    with open_adapter(serve_spec("tests.runner.hosts:CrashyHost")) as adapter:
        before = run_case(adapter, SUCCESS)
        crashed = run_case(adapter, load_fixture(DATA / "crash-the-host.wat"))
        after = run_case(adapter, SUCCESS)
    assert before.outcome is Outcome.PASS
    assert crashed.outcome is Outcome.CRASH
    assert "host process exited during 'call' (exit code 7)" in crashed.diagnostic.message
    assert after.outcome is Outcome.PASS


def test_guest_spinning_inside_a_step_is_a_timeout_and_the_host_is_restarted():
    with open_adapter(serve_spec()) as adapter:
        spun = run_case(adapter, load_fixture(DATA / "spin.wat"))
        after = run_case(adapter, SUCCESS)
    assert spun.outcome is Outcome.TIMEOUT
    assert "did not answer" in spun.diagnostic.message and "(killed)" in spun.diagnostic.message
    assert after.outcome is Outcome.PASS


def test_host_that_cannot_start_is_a_crash_not_an_internal_error():
    with open_adapter("subprocess:/nonexistent/host-binary") as adapter:
        run = run_case(adapter, SUCCESS)
    assert run.outcome is Outcome.CRASH
    assert "cannot start host" in run.diagnostic.message


def _serve(lines: list[str]) -> list[dict]:
    from reference_host import ReferenceHost
    from reference_host.serve import Server, serve

    out = io.BytesIO()
    serve(Server(lambda _timeout: ReferenceHost()), io.BytesIO("\n".join(lines).encode() + b"\n"), out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_serve_answers_bad_requests_without_dying():
    replies = _serve(
        [
            "not json",
            '{"id": 1, "op": "fly"}',
            '{"id": 2, "op": "call", "instance": 99, "export": "x"}',
            '{"id": 3, "op": "instantiate", "wasm_b64": "AAAA"}',
            '{"id": 4, "op": "hello"}',
        ]
    )
    kinds = [r.get("error", {}).get("kind") for r in replies]
    assert kinds == ["bad_request", "bad_request", "bad_request", "link", None]
    assert replies[4]["protocol"] == 1 and replies[4]["ok"] is True


def test_serve_bounds_checks_memory_requests():
    import base64

    from conformance.runner import compile_cached

    wasm = base64.b64encode(compile_cached(SUCCESS.source)).decode()
    replies = _serve(
        [
            json.dumps({"id": 1, "op": "instantiate", "wasm_b64": wasm}),
            '{"id": 2, "op": "read_memory", "instance": 1, "ptr": 65530, "len": 100}',
            '{"id": 3, "op": "read_memory", "instance": 1, "ptr": -1, "len": 2}',
            '{"id": 4, "op": "memory_size", "instance": 1}',
            '{"id": 5, "op": "close_instance", "instance": 1}',
        ]
    )
    assert [r["ok"] for r in replies] == [True, False, False, True, True]
    assert replies[1]["error"]["kind"] == "memory" and replies[3]["size"] == 65536
