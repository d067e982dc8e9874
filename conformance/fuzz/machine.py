"""Model-based testing of the futures lifecycle: a Hypothesis RuleBasedStateMachine over two instances.

Rules: start / connect / experiment_config / registry calls create futures; poll / take / drop use them;
stop ends TrainingHandles; link sets the worker module (so starts with remote workers can succeed);
settle lets background requests finish. Every call goes through ``World.call``, so every step is checked
against the futures model (take before ready is Unavailable, not a trap; a second take is NotFound; a
handle is never reused while live; the other instance's handles are NotFound; ...). After a successful
stop, the hive must report the run's workers stopped (stop_experiment) or untouched (stop_training).

Which import belongs to which rule is read from the manifest (``categories``), never named here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from conformance.manifest import Import, Manifest

from ._lowered import lowered_args
from .properties import take_ready
from .rules import load_rules
from .strategies import call_plans
from .world import World


def categories(m: Manifest) -> dict[str, tuple[Import, ...]]:
    """Imports grouped by what they do, from their manifest fields and argument roles."""
    out: dict[str, list[Import]] = {
        k: [] for k in ("start", "connect", "config", "registry", "poll", "take", "drop", "stop", "link")
    }
    for imp in m.imports:
        roles = [(a.role, a.rust) for a in lowered_args(imp, m)]
        names = {a.name for a in lowered_args(imp, m)}
        has_handle = any(r == "handle" for r, _ in roles)
        if imp.polls:
            out["poll"].append(imp)
        elif imp.takes:
            out["take"].append(imp)
        elif imp.future == "training_handle":
            out["connect" if "run_id" in names else "start"].append(imp)
        elif imp.out_type is not None and has_handle:
            out["config"].append(imp)
        elif imp.out_type is not None:
            out["registry"].append(imp)
        elif roles == [("handle", "FutureHandle")]:
            out["drop"].append(imp)
        elif roles == [("handle", "TrainingHandle")]:
            out["stop"].append(imp)
        elif all(r == "str" for r, _ in roles):
            out["link"].append(imp)
    return {k: tuple(v) for k, v in out.items()}


# Calls whose outcome depends on whether background requests finished. The machine settles before them so
# that an example replays identically (Hypothesis requires it); pending-state behaviour is covered by the
# model's unit tests and by the other properties.
SETTLE_FIRST = frozenset({"poll", "take", "drop", "config", "stop", "start", "connect", "registry"})


class FuturesMachine(RuleBasedStateMachine):
    """Bound to a World by ``futures_machine(world)``; one example = one reset world."""

    world: World

    def __init__(self) -> None:
        super().__init__()
        self.world.reset()
        self.cats = categories(self.world.m)

    def _call(self, data, category: str, index: int, mode: str, tweak: Callable | None = None):
        if category in SETTLE_FIRST:
            self.world.settle()  # readiness decides these outcomes: settle so examples replay
        imp = data.draw(st.sampled_from(self.cats[category]), label=category)
        plan = data.draw(call_plans(imp, self.world.context(index), mode), label=imp.name)
        if tweak is not None:
            plan = tweak(imp, plan)
        return imp, plan, self.world.call(index, plan)

    modes = st.sampled_from(["valid", "valid", "valid", "any"])
    instances = st.integers(0, 1)

    @rule(data=st.data(), index=instances, mode=modes, workers=st.integers(0, 3))
    def start(self, data, index, mode, workers):
        def with_workers(imp, plan):
            arg = next((a for a in lowered_args(imp) if a.name == "num_remote_workers"), None)
            if arg is None or mode != "valid":
                return plan
            args = list(plan.args)
            args[arg.indices[0]] = workers
            return dataclasses.replace(plan, args=tuple(args))

        self._call(data, "start", index, mode, with_workers)

    @rule(data=st.data(), index=instances, mode=modes)
    def connect(self, data, index, mode):
        self._call(data, "connect", index, mode)

    @rule(data=st.data(), index=instances, mode=modes)
    def experiment_config(self, data, index, mode):
        self._call(data, "config", index, mode)

    @rule(data=st.data(), index=instances, mode=modes)
    def registry(self, data, index, mode):
        self._call(data, "registry", index, mode)

    @rule(data=st.data(), index=instances, mode=modes)
    def poll(self, data, index, mode):
        self._call(data, "poll", index, mode)

    @rule(data=st.data(), index=instances, mode=modes)
    def take(self, data, index, mode):
        self._call(data, "take", index, mode)

    @rule(data=st.data(), index=instances, mode=modes)
    def drop(self, data, index, mode):
        self._call(data, "drop", index, mode)

    @rule(data=st.data(), index=instances, mode=modes)
    def stop(self, data, index, mode):
        sim = self.world.sim
        count = len(sim.requests)
        imp, _plan, outcome = self._call(data, "stop", index, mode)
        if outcome.code != self.world.m.error_codes.Success:
            return
        sync = load_rules().wire["sync_routes"][imp.name]
        sent = [r for r in sim.requests[count:] if r.route == sync["route"]]
        assert len(sent) == 1, f"{imp.name}: {len(sent)} {sync['route']} requests, expected 1"
        run = sim.run(sent[0].run_id)
        if sync["stops_workers"]:
            running = [w.worker_id for w in run.workers if w.state != "stopped"]
            assert not running, f"{imp.name} returned Success but workers {running} still run (stops-remote-workers)"

    @rule(data=st.data(), index=instances, mode=modes)
    def link(self, data, index, mode):
        self._call(data, "link", index, mode)

    def _ready_futures(self, index: int) -> list:
        return [(h, f) for h, f in sorted(self.world.model.instances[index].futures.items()) if f.eventual == "ok"]

    @precondition(lambda self: self._ready_futures(0))
    @rule(data=st.data(), pick=st.integers(0, 255))
    def take_when_ready_then_again(self, data, pick):
        """A future of instance 0 that will succeed: poll until ready, take, take again (NotFound)."""
        self.world.settle()
        ok = self._ready_futures(0)
        handle, future = ok[pick % len(ok)]
        take_ready(self.world, data, handle, future.kind, 0)

    @rule()
    def settle(self):
        self.world.settle()

    @precondition(lambda self: True)
    @invariant()
    def handles_are_disjoint_across_instances(self):
        seen: set[int] = set()
        for inst in self.world.model.instances:
            live = set(inst.futures) | set(inst.trainings)
            assert not (live & seen), f"handles {sorted(live & seen)} live in two instances (abi/handles/unique)"
            seen |= live


def futures_machine(world: World, steps: int = 25, max_examples: int | None = None) -> Callable[[], None]:
    """A test function running the machine on ``world`` (other settings from the active profile)."""
    from hypothesis import settings

    machine = type("BoundFuturesMachine", (FuturesMachine,), {"world": world})
    extra = {} if max_examples is None else {"max_examples": max_examples}

    def run() -> None:
        run_state_machine_as_test(machine, settings=settings(stateful_step_count=steps, **extra))

    return run
