"""Every hive request has a total deadline (limits.request_timeout_seconds): connect + send + the whole
answer. A hive that drips its answer keeps each socket read short, so a per-read timeout never fires; the
host must give up anyway, while the hive is still dripping (it gives up itself only after ~5 s)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reference_host import HostConfig, ReferenceHost

from .dripping_hive import dripping_hive
from .guest import Guest, manifest_code
from .thunk import thunk_guest

SUCCESS, FAILED = manifest_code("Success"), manifest_code("HttpRequestFailed")
DEADLINE = 0.3
HOW = ["slow-body", "endless-body", "slow-headers"]


@pytest.fixture
def host() -> Iterator[ReferenceHost]:
    with ReferenceHost(HostConfig(request_timeout_seconds=DEADLINE)) as h:
        yield h


@pytest.mark.parametrize("how", HOW)
def test_synchronous_stop_experiment_fails_within_the_deadline(host: ReferenceHost, how: str) -> None:
    with dripping_hive("stop", how) as (port, log), host.instantiate(thunk_guest()) as inst:
        guest = Guest(inst, "127.0.0.1", port)
        training = guest.training_handle("connect_to_experiment")
        assert guest.call("stop_experiment", context=training) == FAILED
        assert not log.gave_up.is_set(), "stop_experiment read until the hive gave up: no total deadline"
        assert log.requests[-1].startswith("POST /api/v1/runs/run-1/stop ")


@pytest.mark.parametrize("how", HOW)
def test_background_future_fails_instead_of_staying_pending(host: ReferenceHost, how: str) -> None:
    with dripping_hive("connect", how) as (port, log), host.instantiate(thunk_guest()) as inst:
        guest = Guest(inst, "127.0.0.1", port)
        future = guest.create("connect_to_experiment")
        assert guest.wait("poll_future_training_handle", future, timeout=30) == (FAILED, b"\xa5")
        assert not log.gave_up.is_set(), "the future stayed pending until the hive gave up: no total deadline"
