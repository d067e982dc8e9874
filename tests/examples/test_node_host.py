"""The Node example host (examples/hosts/node/) passes the whole corpus through the subprocess adapter.

It was written from docs/ alone, so these tests are the proof that the docs are enough to build a
host. Its mutants (ARK_NODE_HOST_MUTANT) show the corpus run fails when the host is broken.
"""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest

from conformance.adapters import GuestTrap, LinkFailed, open_adapter
from conformance.adapters.subprocess import SubprocessAdapter
from conformance.runner import Outcome, RunOptions, discover, run_suite, select
from conformance.wasm import compile_wat
from tests.adapters._gallery import short_deadline_fixtures
from tests.runner.helpers import CORPUS, ROOT, corpus_fixtures

HOST_JS = ROOT / "examples" / "hosts" / "node" / "host.js"

VALUES_WAT = """(module
  (memory (export "memory") 1)
  (func (export "id64") (param i64) (result i64) local.get 0)
  (func (export "pair") (param i32 i64) (result i64 i32) local.get 1 local.get 0)
  (func (export "grow") (result i32) i32.const 1 memory.grow)
  (func (export "boom") unreachable))"""
EXTREMES = [0, 1, -1, (1 << 53) + 1, (1 << 63) - 1, -(1 << 63), -(1 << 53) - 1, -(1 << 31), (1 << 31) - 1]


def node_spec(mutant: str | None = None) -> str:
    """`subprocess:` spec of the Node host, optionally broken on purpose by a named mutant."""
    node = shutil.which("node")
    assert node, "node is not installed: run scripts/setup.sh (it installs Debian's nodejs)"
    argv = [node, str(HOST_JS)]
    if mutant:
        argv = ["env", f"ARK_NODE_HOST_MUTANT={mutant}", *argv]
    return "subprocess:" + shlex.join(argv)


def run_corpus(spec: str, pattern: str | None = None, corpus: Path = CORPUS) -> dict[str, object]:
    """Run the corpus (or the fixtures matching `pattern`) against `spec`: {fixture id: CaseResult}."""
    fixtures = select(discover(corpus), pattern)
    results = run_suite(fixtures, RunOptions(host_spec=spec, fixtures_dir=corpus, jobs=2), lambda: open_adapter(spec))
    return {case.id: case for case in results.cases}


def test_node_host_passes_every_fixture():
    cases = run_corpus(node_spec())
    assert len(cases) == len(corpus_fixtures()) > 70
    failed = {
        cid: f"{c.outcome}: {c.diagnostic.message if c.diagnostic else ''}"
        for cid, c in cases.items()
        if c.outcome != Outcome.PASS
    }
    assert not failed


@pytest.mark.parametrize(
    ("mutant", "pattern", "clue"),
    [
        ("write-one-byte-too-many", "start_training.success", "wrote outside the FutureHandle slot"),
        ("signed-pointers", "start_training.wrapping-pointer", "expected InvalidArguments (5), got"),
    ],
)
def test_a_broken_node_host_fails_the_corpus(mutant, pattern, clue):
    cases = run_corpus(node_spec(mutant), pattern)
    assert [c.outcome for c in cases.values()] == [Outcome.FAIL]
    assert clue in cases[pattern].diagnostic.message


def test_a_node_host_reading_stdin_with_blocking_reads_never_sends_a_hive_request(tmp_path):
    """README.md's first pattern: with blocking reads the event loop never runs between requests, so the
    future a guest started never progresses and the case times out with the hive untouched. The fixture's
    deadline is the gallery's short one: the hang is immediate, waiting out 5 s would show nothing more
    (and a correct host passes it, with the hive called, in a fraction of that)."""
    cases = run_corpus(node_spec("blocking-stdin"), "start_training.success", corpus=short_deadline_fixtures(tmp_path))
    case = cases["start_training.success"]
    assert case.outcome == Outcome.TIMEOUT and case.hive_requests == []


def test_node_host_passes_i64_values_losslessly_and_traps_as_traps():
    """JS has no 64-bit Number: i64 values must travel as BigInt and decimal strings, unclipped."""
    with SubprocessAdapter(node_spec()[len("subprocess:") :], spec="node") as adapter:
        assert adapter.protocol == 2 and adapter.info.limits["request_timeout_seconds"] == 1.0
        with adapter.instantiate(compile_wat(VALUES_WAT)) as inst:
            assert [inst.call("id64", v)[0] for v in EXTREMES] == EXTREMES
            assert inst.call("pair", -7, (1 << 62) + 3) == [(1 << 62) + 3, -7]
            assert inst.call("grow") == [1] and inst.memory_size == 2 * 65536
            inst.write_memory(65536 * 2 - 3, b"abc")
            assert inst.read_memory(65536 * 2 - 3, 3) == b"abc"
            with pytest.raises(GuestTrap, match="unreachable"):
                inst.call("boom")


def test_node_host_refuses_a_mistyped_or_unknown_import():
    """Node links a JS function under any signature, so the host must check the types it is sent."""
    memory = '(memory (export "memory") 1)'
    mistyped = f'(module (import "ark-ml-v1" "ml__drop_future" (func (param i32) (result i32))) {memory})'
    unknown = f'(module (import "ark-ml-v2" "ml__fly" (func)) {memory})'
    with SubprocessAdapter(node_spec()[len("subprocess:") :], spec="node") as adapter:
        with pytest.raises(LinkFailed, match=r"ml__drop_future imported as \(i32\) -> \(i32\)"):
            adapter.instantiate(compile_wat(mistyped))
        with pytest.raises(LinkFailed, match="host provides no import ark-ml-v2::ml__fly"):
            adapter.instantiate(compile_wat(unknown))


def test_synchronous_stop_is_bounded_by_the_request_timeout_when_the_hive_hangs(tmp_path):
    """stop_experiment / stop_training block in Atomics.wait while a worker thread does the HTTP: a hive
    that never answers the first stop must give HttpRequestFailed after the 1 s request timeout (not a
    case timeout, not a host killed), and the retry must then succeed."""
    corpus = tmp_path / "fixtures"
    shutil.copytree(CORPUS / "harness", corpus / "harness")
    shutil.copytree(CORPUS / "scenarios", corpus / "scenarios")
    for fixture, scenario, route in [
        ("stop_experiment.hive-failure", "one-run-stop-503-once", "stop"),
        ("stop_training.hive-failure", "one-run-disconnect-503-once", "disconnect"),
    ]:
        shutil.copy(CORPUS / f"{fixture}.wat", corpus)
        path = corpus / "scenarios" / f"{scenario}.json"
        data = json.loads(path.read_text())
        data["faults"] = {route: {"kind": "hang", "times": 1}}
        path.write_text(json.dumps(data))
    cases = run_corpus(node_spec(), corpus=corpus)
    assert {cid: c.outcome for cid, c in cases.items()} == {
        "stop_experiment.hive-failure": Outcome.PASS,
        "stop_training.hive-failure": Outcome.PASS,
    }
