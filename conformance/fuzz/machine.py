"""Model-based testing of the futures lifecycle: a Hypothesis RuleBasedStateMachine over two instances.

One ``call`` rule draws a category (start / connect / config / registry calls create futures; poll / take
/ drop use them; stop ends TrainingHandles; link sets the worker module, so starts with remote workers
can succeed), then an import of it; ``take_when_ready_then_again`` follows a future to the end; ``settle``
lets background requests finish. Every call goes through ``World.call``, so every step is checked
against the futures model (take before ready is Unavailable, not a trap; a second take is NotFound; a
handle is never reused while live; the other instance's handles are NotFound; ...). After a successful
stop, the hive must report the run's workers stopped (stop_experiment) or untouched (stop_training).

Which import belongs to which rule is read from the manifest (``categories``), never named here.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from conformance.manifest import Import, Manifest

from ._lowered import lowered_args
from .model import FutureModel
from .properties import take_ready
from .rules import load_rules
from .strategies import call_plans, with_workers
from .world import World

CATEGORIES = ("start", "connect", "config", "registry", "poll", "take", "drop", "stop", "link")


def categories(m: Manifest) -> dict[str, tuple[Import, ...]]:
    """Imports grouped by what they do, from their manifest fields and argument roles."""
    out: dict[str, list[Import]] = {k: [] for k in CATEGORIES}
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
    """One example = one reset ``world``; ``futures_machine`` builds one per example."""

    def __init__(self, world: World) -> None:
        super().__init__()
        self.world = world
        self.world.reset()
        self.cats = categories(self.world.m)

    @rule(
        data=st.data(),
        category=st.sampled_from(CATEGORIES),
        index=st.integers(0, 1),
        mode=st.sampled_from(["valid", "valid", "valid", "any"]),
    )
    def call(self, data, category: str, index: int, mode: str) -> None:
        """Any import of a drawn category on either instance; mostly valid arguments, some anything."""
        if category in SETTLE_FIRST:
            self.world.settle()  # readiness decides these outcomes: settle so examples replay
        imp = data.draw(st.sampled_from(self.cats[category]), label=category)
        plan = data.draw(call_plans(imp, self.world.context(index), mode), label=imp.name)
        if category == "start" and mode == "valid":
            plan = with_workers(imp, plan, data.draw(st.integers(0, 3), label="workers"))
        requests = len(self.world.sim.requests)
        outcome = self.world.call(index, plan)
        if category == "stop" and outcome.code == self.world.m.error_codes.Success:
            self._check_stopped(imp, requests)

    def _check_stopped(self, imp: Import, requests: int) -> None:
        """After a successful stop: one request on its route, and the run's remote workers stopped when
        the import stops them (stops-remote-workers)."""
        sim = self.world.sim
        sync = load_rules().wire["sync_routes"][imp.name]
        sent = [r for r in sim.requests[requests:] if r.route == sync["route"]]
        assert len(sent) == 1, f"{imp.name}: {len(sent)} {sync['route']} requests, expected 1"
        run = sim.run(sent[0].run_id)
        if sync["stops_workers"]:
            running = [w.worker_id for w in run.workers if w.state != "stopped"]
            assert not running, f"{imp.name} returned Success but workers {running} still run (stops-remote-workers)"

    def _ready_futures(self, index: int) -> list[FutureModel]:
        return [f for f in self.world.futures(index) if f.eventual == "ok"]

    @precondition(lambda self: self._ready_futures(0))
    @rule(data=st.data(), pick=st.integers(0, 255))
    def take_when_ready_then_again(self, data, pick: int) -> None:
        """A future of instance 0 that will succeed: poll until ready, take, take again (NotFound)."""
        self.world.settle()
        ok = self._ready_futures(0)
        future = ok[pick % len(ok)]
        take_ready(self.world, data, future.handle, future.kind, 0)

    @rule()
    def settle(self) -> None:
        self.world.settle()

    @invariant()
    def handles_are_disjoint_across_instances(self) -> None:
        seen: set[int] = set()
        for index in range(self.world.n):
            live = self.world.live_handles(index)
            assert not (live & seen), f"handles {sorted(live & seen)} live in two instances (abi/handles/unique)"
            seen |= live


def futures_machine(world: World, steps: int = 25, max_examples: int | None = None) -> Callable[[], None]:
    """A test function running the machine on ``world`` (other settings from the active profile)."""
    from hypothesis import settings

    extra = {} if max_examples is None else {"max_examples": max_examples}

    def run() -> None:
        run_state_machine_as_test(lambda: FuturesMachine(world), settings=settings(stateful_step_count=steps, **extra))

    return run
