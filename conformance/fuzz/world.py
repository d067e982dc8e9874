"""A fuzzing world: the hive simulator, a host, the thunk session and the futures model.

The hive is the simulator's respx backend (``respx_world``: in-process hosts, no socket) or its loopback
server (``loopback_world``: a real HTTP server on 127.0.0.1, ephemeral port, stopped when the world
ends), which any host reaches, a ``subprocess:`` host included. Case files always name the hive as
``case.CASE_HIVE``; a loopback world maps that address to its own when it records or replays a case.

Properties, the state machine, the explorer and case replay all run calls the same way: write the plan's
memory, call, check every invariant (``checks.check_call``) and record the step so a failure can be saved
as a case file. One world serves many examples (``reset`` between them); a world that saw a failure
rebuilds its instances before the next example, so shrinking starts from a clean host.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache, partial
from typing import Any, Literal

from conformance.hive import HiveAddress
from conformance.manifest import Import, load_manifest

from ._lowered import lowered_args
from ._thunk import DEFAULT_PAGES
from .case import CASE_HIVE, DEFAULT_FILL, Case, Step, StepRef, readdress, resolve_arg
from .checks import check_call
from .model import Eventual, FutureModel, HostModel
from .rules import CallContext, decoded_strings, load_rules
from .session import CallOutcome, ThunkSession
from .strategies import CallPlan, FuzzContext, HandlePool

HIVE_BASE_URL = CASE_HIVE.base_url  # the respx backend's address
Backend = Literal["respx", "loopback"]
BACKENDS: tuple[Backend, ...] = ("respx", "loopback")

DEFAULT_SCENARIO: dict[str, Any] = {
    "runs": [
        {
            "run_id": "run-1",
            "game_name": "pong",
            "experiment_name": "e1",
            "num_features": 4,
            "num_actions": 2,
            "config": '{"lr": 0.5}',
            "status": "running",
            "snapshot_b64": "AAECAwQ=",
        },
        {
            "run_id": "run-2",
            "game_name": "go",
            "experiment_name": "e2",
            "num_features": 3000000000,
            "num_actions": 2147483648,
            "config": "[]",
            "status": "stopped",
        },
    ]
}

HostFactory = Callable[[], Any]
_IPV4 = re.compile(r"\d{1,3}(\.\d{1,3}){3}")


class World:
    """One simulator + host + thunk session + model; see the module docstring."""

    def __init__(
        self,
        sim: Any,
        host: Any,
        scenario: dict[str, Any],
        hive_host: str,
        hive_port: int,
        instances: int = 2,
        pages: int = DEFAULT_PAGES,
        fill: int = DEFAULT_FILL,
        real_network: bool = False,
    ) -> None:
        self.m = load_manifest()
        self._imports = {imp.key: imp for imp in self.m.imports}
        self.sim = sim
        self.host = host
        self.scenario = scenario
        self.hive_host = hive_host
        self.hive_port = hive_port
        self.real_network = real_network
        self.n = instances
        self.pages = pages
        self.fill = fill
        self.session: ThunkSession | None = None
        self.dirty = True
        self.steps: list[Step] = []
        self._refs: dict[int, StepRef] = {}
        self._slots: list[bytes] = []
        self._settle_next = False

    # ------------------------------------------------------------------------------------ lifecycle --
    def reset(self) -> None:
        """Start an example: clean instances (rebuilt after a failure), drop futures, clear links, refill."""
        if self.dirty or self.session is None:
            if self.session is not None:
                self.session.close()
            self.session = ThunkSession(self.host, self.n, self.pages)
            self._model = HostModel(self.n, self._outcome, self.m)
            self.dirty = False
        else:
            self._release_futures()
        self.session.reset(self.fill)
        self.steps, self._refs, self._slots = [], {}, []

    def _release_futures(self) -> None:
        assert self.session is not None
        drop = self.m.import_named("drop_future")
        link = self.m.import_named("set_worker_module_link")
        for index, inst in enumerate(self._model.instances):
            for handle in list(inst.futures):
                self.session.call(index, drop, (handle,))
                del inst.futures[handle]
            if inst.link:
                self.session.call(index, link, (0, 0))
                inst.link = False

    def use_hive(self, sim: Any, scenario: dict[str, Any]) -> None:
        """Point the oracle at another simulator (its backend must be active for the world's base URL)."""
        self.sim = sim
        self.scenario = scenario

    def close(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None

    # ------------------------------------------------------------------------------------- calls ----
    @property
    def memory_size(self) -> int:
        assert self.session is not None
        return self.session.memory_size()

    def context(self, index: int) -> FuzzContext:
        """What strategies may draw for instance ``index`` now (its handles, the others', stale ones)."""
        inst = self._model.instances[index]
        others = tuple(h for i, o in enumerate(self._model.instances) if i != index for h in (*o.futures, *o.trainings))
        pool = HandlePool(
            live=tuple(sorted((*inst.futures, *inst.trainings))), stale=tuple(sorted(inst.dead)), other=others
        )
        lengths = {h: f.length for h, f in inst.futures.items() if f.length is not None}
        run_ids = tuple(r["run_id"] for r in self.scenario.get("runs", ()))
        return FuzzContext(self.memory_size, self.hive_host, self.hive_port, run_ids, pool, lengths, self.real_network)

    def settle(self) -> None:
        """Let background requests finish (bounded); the next recorded step replays with ``settle``."""
        assert self.session is not None
        self.session.settle(hive_requests=self.hive_request_count)
        self._settle_next = True

    def hive_request_count(self) -> int:
        """How many requests the hive has received (settling a host that cannot report its own)."""
        return len(self.sim.requests)

    def call(self, index: int, plan: CallPlan) -> CallOutcome:
        """Write the plan's memory, call, record the step and check every invariant (raises on failure)."""
        assert self.session is not None
        imp = self._imports[plan.import_key]
        self.session.write(index, plan.writes)
        if self.real_network:
            plan = self._no_names(index, imp, plan)
        call = CallContext(imp, plan.args, self.session.image(index), self._model.instances[index])
        self._record(index, imp, plan)
        outcome = self.session.call(index, imp, plan.args)
        self._slots.append(outcome.slot(call.out_slot))
        try:
            check_call(self._model, index, call, outcome)
        except AssertionError:
            self.dirty = True
            raise
        if outcome.code == self.m.error_codes.Success:
            self._remember_handles(imp, len(self.steps) - 1)
        return outcome

    def _no_names(self, index: int, imp: Import, plan: CallPlan) -> CallPlan:
        """On a real network a hive_url must never be a name a host would look up in DNS (everything stays
        offline). Overlapping placements can spell one (run-1 over 127.0.0.1: "run-1.0.1"), so the call's
        final hive_url is checked: a name other than an IPv4 literal is overwritten, in the plan too (so the
        case replays it), with bytes that are not UTF-8, which a host must refuse before any network access."""
        url = _address_indices(imp.key)[0]
        if url is None:
            return plan
        assert self.session is not None
        ptr, length = (plan.args[i] & 0xFFFF_FFFF for i in url)
        text = decoded_strings(imp, plan.args, self.session.image(index)).get("hive_url")
        if not text or _IPV4.fullmatch(text):
            return plan
        guard = ((ptr, b"\xff" * length),)
        self.session.write(index, guard)
        return dataclasses.replace(plan, writes=(*plan.writes, *guard))

    # ---------------------------------------------------------------------------------- questions --
    # What properties and the state machine may ask about the model; they never hold the model itself.
    def future(self, index: int, handle: int) -> FutureModel | None:
        """What the model knows of a live future of instance ``index`` (a copy), or None."""
        f = self._model.instances[index].futures.get(handle)
        return None if f is None else dataclasses.replace(f)

    def futures(self, index: int) -> list[FutureModel]:
        """The live futures of instance ``index``, by handle (copies)."""
        futures = self._model.instances[index].futures
        return [dataclasses.replace(futures[h]) for h in sorted(futures)]

    def live_handles(self, index: int) -> frozenset[int]:
        """Every handle (future or TrainingHandle) instance ``index`` holds now."""
        inst = self._model.instances[index]
        return frozenset((*inst.futures, *inst.trainings))

    def linked(self, index: int) -> bool:
        return self._model.instances[index].link

    def out_slot(self, imp: Import, args: tuple[int, ...]) -> tuple[int, int] | None:
        """(ptr, len) the call may write on Success."""
        return self._model.out_slot(imp, args)

    def slot(self, imp: Import, args: tuple[int, ...], outcome: CallOutcome) -> bytes:
        """The bytes the call left in its out slot."""
        return outcome.slot(self._model.out_slot(imp, args))

    def new_handles(self, imp: Import, slot: bytes) -> list[int]:
        """The handles a successful call of ``imp`` wrote into its out ``slot``."""
        return [int.from_bytes(slot[o : o + 8], "little") for o in self._model.handle_offsets(imp)]

    def _record(self, index: int, imp: Import, plan: CallPlan) -> None:
        args: list[int | StepRef] = list(plan.args)
        for a in lowered_args(imp, self.m):
            if a.role == "handle" and plan.args[a.indices[0]] in self._refs:
                args[a.indices[0]] = self._refs[plan.args[a.indices[0]]]
        self.steps.append(Step(index, imp.key, tuple(args), plan.writes, self._settle_next))
        self._settle_next = False

    def _remember_handles(self, imp: Import, step: int) -> None:
        slot = self._slots[step]
        for offset in self._model.handle_offsets(imp):
            self._refs.setdefault(int.from_bytes(slot[offset : offset + 8], "little"), StepRef(step, offset))

    @property
    def address(self) -> HiveAddress:
        """Where this world's hive answers (what a valid call passes as hive_url and hive_port)."""
        return HiveAddress(self.hive_host, self.hive_port)

    def case(self, failure: str = "", seed: int | None = None, title: str = "") -> Case:
        """The steps so far as a case, naming the hive as ``CASE_HIVE`` whatever this world's address."""
        case = Case(
            tuple(self.steps), copy.deepcopy(self.scenario), self.n, self.pages, self.fill, title, seed, failure
        )
        return readdress(case, self.address, CASE_HIVE)

    # ----------------------------------------------------------------------------------- oracle -----
    def _outcome(self, imp: Import, strings: dict[str, str], source: str | None, args: tuple[int, ...]) -> Eventual:
        """How the hive will answer a new future's request, when this world can be sure."""
        if "hive_url" in strings and strings["hive_url"] != self.hive_host:
            return "unknown"
        port = _address_indices(imp.key)[1]
        if port is not None and args[port] & 0xFFFF_FFFF != self.hive_port:
            return "unknown"  # another port: refused, or whatever else listens there
        if imp.future == "training_handle" and "run_id" not in strings:
            return "ok"  # start_training*: the simulator starts any run it is asked to
        run_id = strings.get("run_id", source)
        if run_id is None or run_id not in self.sim.run_ids:
            return "unknown" if run_id is None else "fail"
        run = self.sim.run(run_id)
        if imp.future == "training_handle":
            return "ok" if run.status == "running" else "fail"
        if imp.future == "vec_u8":
            return "ok" if run.snapshot is not None else "fail"
        return "ok" if "run_id" in strings or run.status == "running" else "unknown"


@cache
def _address_indices(import_key: str) -> tuple[tuple[int, int] | None, int | None]:
    """Positions of the import's hive_url (ptr, len) and hive_port arguments (the ``hive_host`` and
    ``hive_port`` generators of rules.toml), None where it has none."""
    m, rules = load_manifest(), load_rules()
    url: tuple[int, int] | None = None
    port: int | None = None
    for arg in lowered_args(m.import_by_key(import_key), m):
        generator = rules.generator_for(arg)
        if generator == "hive_host":
            url = (arg.indices[0], arg.indices[1])
        elif generator == "hive_port":
            port = arg.indices[0]
    return url, port


def replay(world: World, case: Case) -> None:
    """Run a case's steps on a world (reset first); raises CallCheckFailed at the first broken invariant."""
    world.reset()
    case = readdress(case, CASE_HIVE, world.address)
    slots: list[bytes] = []
    for step in case.steps:
        args = tuple(resolve_arg(a, slots) for a in step.args)
        if step.settle:
            world.settle()
        outcome = world.call(step.instance, CallPlan(step.call, args, step.memory))
        slots.append(outcome.slot(world.out_slot(world.m.import_by_key(step.call), args)))


@contextmanager
def host_world(
    host_factory: HostFactory,
    instances: int = 2,
    pages: int = DEFAULT_PAGES,
    fill: int = DEFAULT_FILL,
    address: HiveAddress = CASE_HIVE,
    real_network: bool = False,
) -> Iterator[World]:
    """A world without a hive yet: call ``use_hive`` with a simulator whose backend serves ``address``
    (one simulator per example, one host for all of them)."""
    host = host_factory()
    world = World(None, host, {}, address.host, address.port, instances, pages, fill, real_network)
    try:
        world.reset()
        yield world
    finally:
        world.close()
        host.close()


@contextmanager
def hive_world(
    host_factory: HostFactory,
    scenario: dict[str, Any] | None = None,
    instances: int = 2,
    pages: int = DEFAULT_PAGES,
    fill: int = DEFAULT_FILL,
    *,
    backend: Backend = "respx",
) -> Iterator[World]:
    """A world on a fresh simulator (``scenario``, default ``DEFAULT_SCENARIO``) behind ``backend``; the
    host is closed before the hive stops, so no request of it outlives the world."""
    from conformance.hive import HiveSimulator, Scenario

    scenario = copy.deepcopy(scenario if scenario is not None else DEFAULT_SCENARIO)
    sim = HiveSimulator(Scenario.from_dict(scenario))
    with (
        serve_hive(sim, backend) as address,
        host_world(host_factory, instances, pages, fill, address, backend == "loopback") as world,
    ):
        world.use_hive(sim, scenario)
        yield world


def serve_hive(sim: Any, backend: Backend) -> Any:
    """The simulator's ``backend`` as a context manager yielding its HiveAddress: respx at ``CASE_HIVE``,
    or the loopback server on an ephemeral 127.0.0.1 port."""
    if backend == "loopback":
        return sim.loopback_server()
    if backend == "respx":
        return sim.respx_backend(HIVE_BASE_URL)
    raise ValueError(f"unknown hive backend {backend!r} (expected one of {', '.join(BACKENDS)})")


# A world whose hive is the simulator's respx backend (in-process hosts only), or its loopback server
# (any host, a subprocess host included).
respx_world = partial(hive_world, backend="respx")
loopback_world = partial(hive_world, backend="loopback")
