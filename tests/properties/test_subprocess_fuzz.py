"""Fuzzing any host: the loopback hive (a real 127.0.0.1 server), ``fuzz --host subprocess:...``, and
differential mode between two subprocess hosts (the served reference host, the Node example host, a served
mutant). Every subprocess host here carries a marker in its environment, so a test can see that none of
them outlives it."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import sys
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import conformance.fuzz.world as world_module
from conformance.cli import main
from conformance.fuzz.case import CASE_HIVE, load_case, readdress
from conformance.fuzz.checks import CallCheckFailed
from conformance.fuzz.differential import compare_hosts
from conformance.fuzz.explore import load_host_factory
from conformance.fuzz.hosts import reference_host
from conformance.fuzz.properties import two_instances_any_calls
from conformance.fuzz.strategies import CallPlan, call_plans
from conformance.fuzz.world import loopback_world, replay, respx_world
from conformance.hive import HiveAddress
from conformance.manifest import load_manifest
from tests.mutants.marshalling_mutants import MUTANTS
from tests.processes import still_alive

from ._helpers import code, imp
from .test_differential import _case

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).parent / "corpus"
NODE_HOST = ROOT / "examples" / "hosts" / "node" / "host.js"
MARK = "ARK_FUZZ_TEST_HOST"
IPV4 = re.compile(r"\d{1,3}(\.\d{1,3}){3}")


@pytest.fixture
def marker():
    """A unique environment marker for the hosts a test starts; afterwards none of them may be alive."""
    mark = uuid.uuid4().hex
    yield mark
    assert _marked(mark) == []


def _marked(mark: str, grace_seconds: float = 2.5) -> list[int]:
    """Live (not zombie) processes whose environment carries ``MARK=mark``; killed ones get up to
    `grace_seconds` to be torn down (waited for by pidfd, not slept through)."""
    needle = f"{MARK}={mark}".encode()

    def find() -> list[int]:
        alive = []
        for proc in Path("/proc").iterdir():
            try:
                marked = needle in (proc / "environ").read_bytes().split(b"\0")
                if marked and (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                    alive.append(int(proc.name))
            except (OSError, ValueError, IndexError):
                continue
        return alive

    return still_alive(find, grace_seconds)


def served(mark: str, host_class: str | None = None) -> str:
    """The reference host (or a gallery mutant class) behind the subprocess protocol."""
    argv = ["env", f"{MARK}={mark}", f"PYTHONPATH={ROOT}", sys.executable, "-m", "reference_host.serve"]
    if host_class:
        argv += ["--host-class", f"tests.mutants.gallery_hosts:{host_class}"]
    return "subprocess:" + shlex.join(argv)


def node(mark: str) -> str:
    path = shutil.which("node")
    assert path, "node is not installed: run scripts/setup.sh (it installs Debian's nodejs)"
    return "subprocess:" + shlex.join(["env", f"{MARK}={mark}", path, str(NODE_HOST)])


# ----------------------------------------------------------------------------------- addresses --


def test_a_case_names_the_respx_address_and_is_readdressed_both_ways():
    case, there = _case(), HiveAddress("127.0.0.1", 4242)
    moved = readdress(case, CASE_HIVE, there)
    connect = moved.steps[0]
    assert connect.args[2] == 4242 and (0, b"127.0.0.1") in connect.memory
    assert moved.steps[4].args[2] == 4242  # start_training's hive_port too
    assert moved.steps[1] == case.steps[1]  # a poll names no hive
    assert readdress(moved, there, CASE_HIVE) == case
    with pytest.raises(ValueError, match="lengths differ"):
        readdress(case, CASE_HIVE, HiveAddress("::1", 1))


def test_the_loopback_hive_is_a_real_socket_stopped_with_the_world():
    with loopback_world(reference_host) as world:
        address = world.address
        assert address.host == "127.0.0.1" and address.port not in (0, CASE_HIVE.port)
        socket.create_connection((address.host, address.port), timeout=1).close()
        two_instances_any_calls(world, load_manifest().imports, 3)()
        assert world.sim.requests, "nothing reached the loopback hive"
        recorded = readdress(world.case(), CASE_HIVE, address)
        assert [s.args for s in recorded.steps] == [s.args for s in world.steps]
    with pytest.raises(OSError):
        socket.create_connection((address.host, address.port), timeout=1).close()


@pytest.mark.parametrize(("host", "caught"), [(reference_host, False), (MUTANTS["take-does-not-consume"], True)])
def test_a_corpus_case_replays_on_the_loopback_hive(host, caught):
    case = load_case(CORPUS / "take-twice.json")
    with loopback_world(host, case.scenario) as world:
        if caught:
            with pytest.raises(CallCheckFailed, match="NotFound"):
                replay(world, case)
        else:
            replay(world, case)
        assert any(r.route == "connect" for r in world.sim.requests), "the case did not reach this hive"


@pytest.mark.parametrize("port_known", [True, False])
def test_another_port_is_not_the_hive(port_known, monkeypatch):
    """connect to 127.0.0.1 on a port where the hive is not: the request fails, which the model must allow;
    with the port left out of the outcome oracle the poll's HttpRequestFailed is called a violation."""
    if not port_known:
        real = world_module._address_indices
        monkeypatch.setattr(world_module, "_address_indices", lambda key: (real(key)[0], None))
    connect, poll = imp("connect_to_experiment"), imp("poll_future_training_handle")
    with loopback_world(reference_host) as world:
        writes = ((0, b"127.0.0.1"), (64, b"run-1"))
        world.call(0, CallPlan(connect.key, (0, 9, 1, 64, 5, 4096), writes))
        handle = int.from_bytes(world.session.image(0)[4096:4104], "little")
        world.settle()
        if port_known:
            assert world.call(0, CallPlan(poll.key, (handle, 4112))).code == code("HttpRequestFailed")
        else:
            with pytest.raises(CallCheckFailed, match="HttpRequestFailed"):
                world.call(0, CallPlan(poll.key, (handle, 4112)))
        assert not world.sim.requests


@pytest.mark.parametrize("guarded", [True, False])
def test_on_the_loopback_hive_no_hive_url_reaches_dns(guarded, monkeypatch):
    """Every name the in-process host resolves while fuzzed on the loopback hive is an IPv4 literal (no DNS
    query leaves the machine); without the world's guard, overlapping writes spell names that would."""
    looked_up: list[str] = []
    real = socket.getaddrinfo

    def spy(host, *args, **kwargs):
        looked_up.append(host.decode() if isinstance(host, bytes) else str(host))
        if not IPV4.fullmatch(looked_up[-1]):
            raise socket.gaierror(socket.EAI_NONAME, "not looked up by this test")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", spy)
    connect = imp("connect_to_experiment")
    with loopback_world(reference_host) as world:
        world.real_network = guarded

        @settings(max_examples=60, derandomize=True, database=None)
        @given(st.data())
        def calls(data):
            world.reset()
            world.call(0, data.draw(call_plans(connect, world.context(0))))
            world.settle()

        calls()
    names = [n for n in looked_up if not IPV4.fullmatch(n)]
    assert any(IPV4.fullmatch(n) for n in looked_up), "nothing was looked up at all"
    assert (names == []) is guarded, names[:5]


# --------------------------------------------------------------------------- subprocess hosts --


def test_fuzz_runs_a_subprocess_host(tmp_path, capsys, marker):
    argv = ["fuzz", "--minutes", "1", "--seeds", "1", "--examples", "3", "--max-steps", "2", "--seed", "1"]
    assert main([*argv, "--out", str(tmp_path), "--host", served(marker)]) == 0
    assert "1 seed(s), 0 failure(s)" in capsys.readouterr().out
    assert not list(tmp_path.iterdir())


def test_fuzz_finds_a_served_mutant_and_the_case_replays_in_process(tmp_path, capsys, marker):
    mutant = "UnknownHandleInvalidArguments"
    argv = ["fuzz", "--minutes", "1", "--seeds", "1", "--examples", "5", "--max-steps", "2", "--seed", "1"]
    assert main([*argv, "--out", str(tmp_path), "--host", served(marker, mutant)]) == 1
    assert "1 failure(s)" in capsys.readouterr().out
    (path,) = tmp_path.glob("fuzz-*.json")
    case = load_case(path)
    assert "NotFound" in case.failure
    in_process = load_host_factory(f"python:tests.mutants.gallery_hosts:{mutant}")
    with respx_world(in_process, case.scenario) as world, pytest.raises(CallCheckFailed, match="NotFound"):
        replay(world, case)


def test_two_subprocess_hosts_agree_and_a_served_mutant_diverges(marker):
    reference, js = load_host_factory(served(marker)), load_host_factory(node(marker))
    assert compare_hosts(_case(), reference, js, "loopback") is None
    mutant = load_host_factory(served(marker, "TakeDoesNotConsume"))
    div = compare_hosts(_case(), reference, mutant, "loopback")
    assert div is not None and (div.step, div.call, div.field) == (3, "take_future_training_handle", "outcome")


def test_differential_fuzz_two_subprocess_hosts_agree(tmp_path, capsys, marker):
    argv = ["fuzz", "--minutes", "1", "--seeds", "1", "--examples", "3", "--max-steps", "2", "--seed", "1"]
    assert main([*argv, "--out", str(tmp_path), "--host", served(marker), "--against", node(marker)]) == 0
    assert "0 failure(s)" in capsys.readouterr().out
    assert not list(tmp_path.iterdir())


def test_differential_fuzz_writes_the_shrunk_divergence_of_a_served_mutant(tmp_path, capsys, marker):
    # seed 3: its divergence is found and shrunk in 13 replays on the two hosts (seed 1 needed 37)
    argv = ["fuzz", "--minutes", "1", "--seeds", "1", "--examples", "5", "--max-steps", "1", "--seed", "3"]
    mutant = served(marker, "UnknownHandleInvalidArguments")
    assert main([*argv, "--out", str(tmp_path), "--host", served(marker), "--against", mutant]) == 1
    assert "outcome differs" in capsys.readouterr().out
    (path,) = tmp_path.glob("fuzz-*.json")
    case = load_case(path)
    assert "outcome differs" in case.failure
    # shrunk, not just cut to one step by --max-steps 1: the one call's arguments are minimal (every plain
    # integer shrinks to 0: the mutant diverges on any unknown handle) and it writes no memory first
    (step,) = case.steps
    assert [arg for arg in step.args if isinstance(arg, int)] == [0] * len(step.args)
    assert step.memory == () and not step.settle
    assert compare_hosts(case, load_host_factory(served(marker)), load_host_factory(mutant), "loopback") is not None


def test_environment_marker_sees_a_live_host(marker):
    """The leftover check can fail: a host started with the marker is seen until it is closed."""
    host = load_host_factory(served(marker))()
    try:
        host.info  # noqa: B018 - starts the process
        assert _marked(marker, grace_seconds=0)
    finally:
        host.close()
    assert os.environ.get(MARK) is None
