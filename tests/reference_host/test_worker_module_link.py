"""set_worker_module_link: remembered per instance, sent with remote-worker starts, cleared by ""."""

from __future__ import annotations

from conformance.hive import HiveSimulator
from reference_host import ReferenceHost

from .guest import Guest, manifest_code
from .thunk import thunk_guest

SUCCESS, INVALID = manifest_code("Success"), manifest_code("InvalidArguments")


def test_cid_is_sent_and_workers_run_it(guest: Guest, sim: HiveSimulator) -> None:
    assert guest.invoke("set_worker_module_link", cid="bafy-one") == SUCCESS
    assert guest.invoke("set_worker_module_link", cid="bafy-two") == SUCCESS
    guest.training_handle(num_remote_workers=3)
    body = sim.requests_for("start")[0].json
    assert (body["worker_module_cid"], body["num_remote_workers"]) == ("bafy-two", 3)
    (run_id,) = [r for r in sim.run_ids if r not in ("run-1", "old run/2")]
    assert [w.module_cid for w in sim.run(run_id).workers] == ["bafy-two"] * 3


def test_empty_cid_clears(guest: Guest, sim: HiveSimulator) -> None:
    assert guest.invoke("set_worker_module_link", cid="bafy-one") == SUCCESS
    assert guest.call("set_worker_module_link", cid_ptr=1, cid_len=0) == SUCCESS
    assert guest.invoke("start_training", num_remote_workers=1) == INVALID
    assert sim.requests == []


def test_invalid_cid_keeps_the_old_one(guest: Guest, sim: HiveSimulator) -> None:
    assert guest.invoke("set_worker_module_link", cid="bafy-one") == SUCCESS
    assert guest.invoke("set_worker_module_link", cid=b"\xff") == INVALID
    assert guest.call("set_worker_module_link", cid_ptr=0xFFFF_FFF0, cid_len=32) == INVALID
    guest.training_handle(num_remote_workers=1)
    assert sim.requests_for("start")[0].json["worker_module_cid"] == "bafy-one"


def test_cid_is_per_instance(host: ReferenceHost, guest: Guest, sim: HiveSimulator) -> None:
    assert guest.invoke("set_worker_module_link", cid="bafy-one") == SUCCESS
    with host.instantiate(thunk_guest()) as other_inst:
        other = Guest(other_inst, guest.hive_host, guest.hive_port)
        assert other.invoke("start_training", num_remote_workers=1) == INVALID
    assert sim.requests == []
