"""The properties, as functions of a world: tests run them on the reference host and on mutants (a
property that cannot fail on a broken host proves nothing), and ``ark-conformance fuzz`` runs them with
random seeds. Each returns a Hypothesis test function; settings come from the caller's profile."""

from __future__ import annotations

import base64
import dataclasses
import time
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from conformance.fuzz._lowered import lowered_args
from conformance.fuzz.rules import expected_request, load_rules
from conformance.fuzz.strategies import HandlePool, call_plans, json_text, u32_values, with_workers
from conformance.fuzz.world import HIVE_BASE_URL, World
from conformance.manifest import Import


def any_call_keeps_invariants(world: World, imp: Import) -> Callable[[], None]:
    """Any raw arguments to ``imp``: documented code, no trap, no stray write (checks.check_call)."""
    plans = call_plans(imp, world.context(0))

    @given(plans)
    def prop(plan):
        world.reset()
        world.call(0, plan)

    return prop


def two_instances_any_calls(
    world: World, imps: tuple[Import, ...], max_steps: int = 6, after: Callable[[World], None] | None = None
) -> Callable[[], None]:
    """Short sequences over both instances with the handles they really hold (drawn per step); ``after``
    runs at the end of each example (differential mode compares the recorded case on another host)."""

    @given(st.data())
    def prop(data):
        world.reset()
        for _ in range(data.draw(st.integers(1, max_steps), label="steps")):
            index = data.draw(st.integers(0, world.n - 1), label="instance")
            imp = data.draw(st.sampled_from(imps), label="import")
            if data.draw(st.booleans(), label="settle"):
                world.settle()
            mode = data.draw(st.sampled_from(["valid", "any"]), label="mode")
            world.call(index, data.draw(call_plans(imp, world.context(index), mode), label=imp.name))
        if after is not None:
            after(world)

    return prop


def requests_round_trip(world: World, imp: Import) -> Callable[[], None]:
    """A valid call sends exactly one request on its route, whose body holds the decoded strings and the
    unsigned integers the guest passed, and whose path names the run_id (rules.toml [wire])."""
    plans = call_plans(imp, world.context(0), "valid")
    success = world.m.error_codes.Success

    @given(plans)
    def prop(plan):
        world.reset()
        world.session.settle()
        route = load_rules().wire["routes"][imp.name]
        before = len(world.sim.requests_for(route))
        outcome = world.call(0, plan)
        assert outcome.code == success, f"{imp.name}: valid call returned {outcome.code}"
        _, body, run_id = expected_request(imp, plan.args, outcome.before)
        got = world.sim.wait_for_requests(route, before + 1, timeout=2.0)[before:]
        assert len(got) == 1, f"{imp.name}: {len(got)} requests on {route}, expected exactly 1"
        if body is not None:
            assert got[0].json == body, f"{imp.name}: hive received {got[0].json!r}, guest passed {body!r}"
        if run_id is not None:
            assert got[0].run_id == run_id, f"{imp.name}: hive received run_id {got[0].run_id!r}, not {run_id!r}"

    return prop


# ------------------------------------------------------------------------------ results round trip --

READY_WITHIN_SECONDS = 5.0  # a respx-answered future is ready in milliseconds; this only bounds a broken host


def run_records() -> st.SearchStrategy[dict]:
    """A hive run with any u32 sizes, any JSON config (any Unicode) and any snapshot bytes."""
    run_ids = st.text(min_size=1, max_size=24).filter(lambda t: t not in (".", ".."))
    return st.fixed_dictionaries(
        {
            "run_id": run_ids,
            "num_features": u32_values(),
            "num_actions": u32_values(),
            "config": json_text(512, "valid").map(lambda b: b.decode("utf-8")),
            "snapshot": st.binary(max_size=2048),
        }
    )


def results_round_trip(world: World) -> Callable[[], None]:
    """What the hive returns is exactly what lands in guest memory at the manifest's offsets: the
    ArkExperimentConfig fields, the config bytes, the snapshot bytes, through the registry and through a
    connected TrainingHandle; and every successful take consumes its handle (a second take is NotFound)."""
    from conformance.hive import HiveSimulator, Scenario

    m = world.m
    imp = m.import_named

    @given(run_records(), st.data())
    def prop(run, data):
        scenario = {
            "runs": [
                {
                    "run_id": run["run_id"],
                    "game_name": "g",
                    "experiment_name": "e",
                    "status": "running",
                    "num_features": run["num_features"],
                    "num_actions": run["num_actions"],
                    "config": run["config"],
                    "snapshot_b64": base64.b64encode(run["snapshot"]).decode("ascii"),
                }
            ]
        }
        sim = HiveSimulator(Scenario.from_dict(scenario))
        with sim.respx_backend(HIVE_BASE_URL):
            world.use_hive(sim, scenario)
            world.reset()
            ark, module = _config_futures(world, data, _valid_call(world, data, imp("experiment_config_from_registry")))
            _check_config(world, data, ark, module, run)
            snapshot = _valid_call(world, data, imp("download_snapshot_from_registry"))
            got = take_ready(world, data, int.from_bytes(snapshot[:8], "little"), "vec_u8")
            assert got == run["snapshot"], "download_snapshot_from_registry: snapshot bytes differ"
            connect = _valid_call(world, data, imp("connect_to_experiment"))
            training = int.from_bytes(
                take_ready(world, data, int.from_bytes(connect[:8], "little"), "training_handle"), "little"
            )
            slot = _valid_call(world, data, imp("experiment_config"), HandlePool(live=(training,)))
            ark, module = _config_futures(world, data, slot)
            _check_config(world, data, ark, module, run)

    return prop


def _valid_call(world: World, data, imp: Import, pool: HandlePool | None = None, lengths=None) -> bytes:
    """Draw a valid call of ``imp`` (its handle from ``pool``), require Success, return the out slot."""
    ctx = world.context(0)
    ctx = dataclasses.replace(ctx, handles=pool or ctx.handles, vec_lengths=lengths or ctx.vec_lengths)
    plan = data.draw(call_plans(imp, ctx, "valid"), label=imp.name)
    outcome = world.call(0, plan)
    assert outcome.code == world.m.error_codes.Success, f"{imp.name}: valid call returned {outcome.code}"
    return world.slot(imp, plan.args, outcome)


def _config_futures(world: World, data, slot: bytes) -> tuple[int, int]:
    struct = world.m.structs["ExperimentConfigFuture"]
    ark, module = (int.from_bytes(slot[f.offset : f.offset + f.size], "little") for f in struct.fields)
    return ark, module


def take_ready(world: World, data, handle: int, kind: str, index: int = 0) -> bytes:
    """Settle, poll until ready (bounded), take with a valid plan, then take again: NotFound."""
    fk = world.m.future_kinds[kind]
    poll, take = world.m.import_by_key(fk.poll), world.m.import_by_key(fk.take)
    pool = HandlePool(live=(handle,))
    poll_plan = data.draw(call_plans(poll, dataclasses.replace(world.context(index), handles=pool), "valid"))
    deadline = time.monotonic() + READY_WITHIN_SECONDS
    while True:  # the same plan each time: draws must not depend on the host's timing
        world.settle()
        outcome = world.call(index, poll_plan)
        assert outcome.code == world.m.error_codes.Success, f"{poll.name}: returned {outcome.code}"
        future = world.future(index, handle)
        assert future is not None, f"{poll.name}: future {handle} is no longer live"
        if future.state == "ready":
            break
        if time.monotonic() > deadline:
            raise AssertionError(f"{poll.name}: future {handle} not ready after {READY_WITHIN_SECONDS} s")
        time.sleep(0.001)
    length = future.length
    ctx = dataclasses.replace(
        world.context(index), handles=pool, vec_lengths={handle: length} if length is not None else {}
    )
    plan = data.draw(call_plans(take, ctx, "valid"), label=take.name)
    outcome = world.call(index, plan)
    assert outcome.code == world.m.error_codes.Success, f"{take.name}: ready future returned {outcome.code}"
    again = world.call(index, plan)  # the model expects NotFound: futures/take/consumes
    assert again.code == world.m.error_codes.NotFound
    return world.slot(take, plan.args, outcome)


def _check_config(world: World, data, ark: int, module: int, run: dict) -> None:
    got = take_ready(world, data, ark, "ark_experiment_config")
    kind = world.m.future_kinds["ark_experiment_config"]
    struct = world.m.structs[kind.output]
    for f in struct.fields:
        value = int.from_bytes(got[f.offset : f.offset + f.size], "little")
        assert value == run[f.name], f"{struct.name}.{f.name} @{f.offset}: guest got {value}, hive sent {run[f.name]}"
    config = take_ready(world, data, module, "vec_u8")
    assert config == run["config"].encode("utf-8"), "module_config bytes differ from the hive's config"


# ------------------------------------------------------------------------------- pending futures --


def pending_futures(world: World, imports: tuple[Import, ...]) -> Callable[[], None]:
    """With the hive holding the request (``hold`` fault), a new future is deterministically pending:
    poll reports ready = 0 with Success, take returns Unavailable, writes nothing and keeps the handle;
    once released, the future completes and take succeeds exactly once (futures/take/before-ready)."""
    from conformance.hive import Fault

    m = world.m
    routes = load_rules().wire["routes"]
    wired = tuple(i for i in imports if i.name in routes)

    @given(st.sampled_from(wired), st.data())
    def prop(creator, data):
        route = routes[creator.name]
        world.reset()
        world.sim.set_fault(route, Fault("hold"))
        released = False
        try:
            slot = _valid_call(world, data, creator)
            world.sim.wait_for_held(route, 1, timeout=2.0)
            for handle in world.new_handles(creator, slot):
                future = world.future(0, handle)
                assert future is not None, f"{creator.name}: handle {handle} is not live"
                kind = m.future_kinds[future.kind]
                pool = HandlePool(live=(handle,))
                poll = _valid_call(world, data, m.import_by_key(kind.poll), pool)
                assert poll[0] == 0, f"{kind.poll}: ready byte {poll[0]} while the hive still holds the request"
                ctx = dataclasses.replace(world.context(0), handles=pool)
                take = m.import_by_key(kind.take)
                outcome = world.call(0, data.draw(call_plans(take, ctx, "valid"), label=take.name))
                assert outcome.code == m.error_codes.Unavailable, f"{take.name} before ready returned {outcome.code}"
                assert world.future(0, handle), f"{take.name} before ready consumed the handle"
            world.sim.release(route)
            released = True
            world.sim.set_fault(route, None)
            for handle in world.new_handles(creator, slot):
                future = world.future(0, handle)
                assert future is not None, f"{creator.name}: handle {handle} lost while the hive held it"
                if future.eventual == "ok":
                    take_ready(world, data, handle, future.kind)
        finally:
            world.sim.set_fault(route, None)
            if not released:
                world.sim.release(route)

    return prop


# -------------------------------------------------------------------------------- stop semantics --


def stop_semantics(world: World) -> Callable[[], None]:
    """Link a worker module, start with N remote workers, take the TrainingHandle, then stop it with a
    synchronous stop call: Success, exactly one request on its route, every worker stopped when the call
    "stops all workers" (else none stopped), and the handle is gone (a second stop is NotFound)."""
    m = world.m
    sync = load_rules().wire["sync_routes"]
    from .machine import categories

    cats = categories(m)

    @given(st.sampled_from(cats["start"]), st.sampled_from(cats["stop"]), st.integers(1, 3), st.data())
    def prop(start, stop, workers, data):
        world.reset()
        link = cats["link"][0]
        cid = next(a for a in lowered_args(link) if a.role == "str")
        linking = call_plans(link, world.context(0), "valid").filter(lambda p: p.args[cid.indices[1]] > 0)
        world.call(0, data.draw(linking, label=link.name))
        assert world.linked(0), f"{link.name} with a non-empty cid did not link"
        ctx = world.context(0)
        plan = data.draw(call_plans(start, ctx, "valid"), label=start.name)
        outcome = world.call(0, with_workers(start, plan, workers))
        assert outcome.code == m.error_codes.Success, f"{start.name} with {workers} workers returned {outcome.code}"
        future = world.new_handles(start, world.slot(start, plan.args, outcome))[0]
        training = int.from_bytes(take_ready(world, data, future, "training_handle"), "little")
        route = sync[stop.name]["route"]
        before = len(world.sim.requests_for(route))
        pool = HandlePool(live=(training,))
        _valid_call(world, data, stop, pool)
        sent = world.sim.requests_for(route)[before:]
        assert len(sent) == 1, f"{stop.name}: {len(sent)} requests on {route}"
        run = world.sim.run(sent[0].run_id)
        assert len(run.workers) == workers, f"hive started {len(run.workers)} workers, guest asked for {workers}"
        stopped = [w for w in run.workers if w.state == "stopped"]
        if sync[stop.name]["stops_workers"]:
            assert len(stopped) == workers, f"{stop.name}: {workers - len(stopped)} remote workers still run"
        else:
            assert not stopped, f"{stop.name} must only disconnect, but stopped {len(stopped)} workers"
        again = world.call(
            0, data.draw(call_plans(stop, dataclasses.replace(world.context(0), handles=pool), "valid"), label="again")
        )
        assert again.code == m.error_codes.NotFound, f"{stop.name} of a stopped handle returned {again.code}"

    return prop
