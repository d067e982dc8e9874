"""Open-ended exploration: random seeds until a time budget runs out; every shrunk failure becomes a
replayable case file (``case.py``). Used by ``ark-conformance fuzz``.

Each seed runs one Hypothesis search (alternately the call-sequence property and the futures state
machine) on a fresh world, whose hive is the respx backend for in-process hosts or the loopback server
when a ``subprocess:`` host takes part (``backend_for``). When a search fails, Hypothesis replays its
minimal example last, so the world's recorded steps are the shrunk failure; they are written with the
failure message and the seed.
"""

from __future__ import annotations

import importlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import seed as hypothesis_seed

from conformance.manifest import load_manifest

from .hosts import FUZZ_REQUEST_TIMEOUT, reference_host, subprocess_host
from .machine import futures_machine
from .properties import two_instances_any_calls
from .world import Backend, HostFactory, hive_world


@dataclass
class ExploreResult:
    seeds: list[int] = field(default_factory=list)
    failures: list[tuple[int, str, Path]] = field(default_factory=list)  # (seed, message, case file)


def load_host_factory(spec: str) -> HostFactory:
    """A zero-argument host factory for ``spec``: the standard host specs ``reference``,
    ``python:MODULE:CLASS`` and ``subprocess:COMMAND`` (conformance.adapters), or ``MODULE:FACTORY`` naming
    a factory (or a ``dict`` entry: ``module:MUTANTS.name``). ValueError (one line) if it names nothing
    usable. A subprocess host needs the loopback hive (``backend_for``)."""
    if spec == "reference":
        return reference_host
    if spec.startswith("subprocess:"):
        from conformance.adapters import check_spec

        check_spec(spec)
        return partial(subprocess_host, spec)
    if spec.startswith("python:"):
        from conformance.adapters import check_spec
        from reference_host import construct, load_class

        check_spec(spec)
        host_class = load_class(*spec.split(":")[1:])
        return partial(construct, host_class, FUZZ_REQUEST_TIMEOUT)
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ValueError(f"host {spec!r} is not reference, python:MODULE:CLASS or MODULE:FACTORY")
    try:
        target = importlib.import_module(module_name)
        for part in attr.split("."):
            target = getattr(target, part) if not isinstance(target, dict) else target[part]
    except (ImportError, AttributeError, KeyError) as exc:
        raise ValueError(f"host {spec!r} cannot be loaded: {exc}") from None
    if not callable(target):
        raise ValueError(f"host {spec!r} is not callable")
    return target


def backend_for(*specs: str | None) -> Backend:
    """The hive every host named can reach: the loopback server as soon as one runs in another process."""
    return "loopback" if any(s and s.startswith("subprocess:") for s in specs) else "respx"


def explore(
    host_factory: HostFactory,
    minutes: float,
    out_dir: Path,
    master_seed: int | None = None,
    examples_per_seed: int = 100,
    max_steps: int = 6,
    log: Callable[[str], None] = print,
    backend: Backend = "respx",
    max_seeds: int | None = None,
) -> ExploreResult:
    """Search until ``minutes`` have passed or ``max_seeds`` seeds ran (at least one seed); write each
    failure to ``out_dir``."""
    rng = random.Random(master_seed)
    deadline = time.monotonic() + minutes * 60
    result = ExploreResult()
    imports = load_manifest().imports
    profile = _settings(examples_per_seed)
    while _more(result, deadline, max_seeds):
        run_seed = rng.getrandbits(32)
        result.seeds.append(run_seed)
        with hive_world(host_factory, backend=backend) as world:
            use_machine = len(result.seeds) % 2 == 0
            test = (
                futures_machine(world, steps=max_steps * 4)
                if use_machine
                else two_instances_any_calls(world, imports, max_steps)
            )
            try:
                if use_machine:
                    profile(hypothesis_seed(run_seed)(_as_given(test)))()
                else:
                    profile(hypothesis_seed(run_seed)(test))()
            except Exception as exc:  # a failure (or a flaky one): keep what the world recorded
                result.failures.append(_save(world, exc, run_seed, out_dir, log))
    return result


def explore_differential(
    left: HostFactory,
    right: HostFactory,
    minutes: float,
    out_dir: Path,
    master_seed: int | None = None,
    examples_per_seed: int = 50,
    max_steps: int = 6,
    log: Callable[[str], None] = print,
    backend: Backend = "respx",
    max_seeds: int | None = None,
) -> ExploreResult:
    """Generate call sequences on ``left`` (checked as usual), replay each on ``right`` and report the first
    divergence (differential.py); a shrunk diverging sequence is written as a case file. Each replay runs on
    its own simulator; the two replaying hosts are started once per seed (a process start per example
    would dominate with subprocess hosts)."""
    from .differential import compare_hosts

    rng = random.Random(master_seed)
    deadline = time.monotonic() + minutes * 60
    result = ExploreResult()
    imports = load_manifest().imports
    while _more(result, deadline, max_seeds):
        run_seed = rng.getrandbits(32)
        result.seeds.append(run_seed)
        with hive_world(left, backend=backend) as world, _Kept(left) as left_host, _Kept(right) as right_host:

            def after(w):
                divergence = compare_hosts(w.case(), left_host.borrow, right_host.borrow, backend)
                assert divergence is None, divergence.describe()

            test = two_instances_any_calls(world, imports, max_steps, after=after)
            try:
                _settings(examples_per_seed)(hypothesis_seed(run_seed)(test))()
            except Exception as exc:
                result.failures.append(_save(world, exc, run_seed, out_dir, log))
    return result


def _more(result: ExploreResult, deadline: float, max_seeds: int | None) -> bool:
    if not result.seeds:
        return True
    if max_seeds is not None and len(result.seeds) >= max_seeds:
        return False
    return time.monotonic() < deadline


class _Kept:
    """One host kept open for many replays: ``borrow`` is a factory handing it out with a no-op close (each
    replay closes its own instances); the host itself is closed when the block ends."""

    def __init__(self, factory: HostFactory) -> None:
        self.factory = factory
        self.host: Any = None

    def __enter__(self) -> _Kept:
        self.host = self.factory()
        return self

    def __exit__(self, *exc: object) -> None:
        self.host.close()

    def borrow(self) -> Any:
        return _Borrowed(self.host)


class _Borrowed:
    def __init__(self, host: Any) -> None:
        self._host = host

    def instantiate(self, wasm: bytes) -> Any:
        return self._host.instantiate(wasm)

    def close(self) -> None:
        """The host outlives this replay (see _Kept)."""


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
        phases=(Phase.explicit, Phase.generate, Phase.target, Phase.shrink),  # no explain: it re-runs a lot
    )


def _save(world, exc: BaseException, run_seed: int, out_dir: Path, log: Callable[[str], None]):
    message = _first_line(exc)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"fuzz-{run_seed:08x}.json"
    world.case(failure=message, seed=run_seed, title=f"found by ark-conformance fuzz, seed {run_seed}").dump(path)
    log(f"FAIL seed={run_seed}: {message} -> {path}")
    return run_seed, message, path


def _as_given(machine_test: Callable[[], None]) -> Callable[[], None]:
    """The machine runner is not a @given test; settings/seed apply through run_state_machine_as_test's
    own settings, so wrap it in a trivial @given that runs one machine search per call."""
    from hypothesis import given
    from hypothesis import strategies as st

    @given(st.just(None))
    def run(_):
        machine_test()

    return run


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"
