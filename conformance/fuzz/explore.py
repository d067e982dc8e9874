"""Open-ended exploration: random seeds until a time budget runs out; every shrunk failure becomes a
replayable case file (``case.py``). Used by ``ark-conformance fuzz``.

Each seed runs one Hypothesis search (alternately the call-sequence property and the futures state
machine) on a fresh world. When a search fails, Hypothesis replays its minimal example last, so the
world's recorded steps are the shrunk failure; they are written with the failure message and the seed.
"""

from __future__ import annotations

import importlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import seed as hypothesis_seed

from conformance.manifest import load_manifest

from .hosts import FUZZ_REQUEST_TIMEOUT, reference_host
from .machine import futures_machine
from .properties import two_instances_any_calls
from .world import HostFactory, respx_world


@dataclass
class ExploreResult:
    seeds: list[int] = field(default_factory=list)
    failures: list[tuple[int, str, Path]] = field(default_factory=list)  # (seed, message, case file)


def load_host_factory(spec: str) -> HostFactory:
    """A zero-argument host factory for ``spec``: the standard host specs ``reference`` and
    ``python:MODULE:CLASS`` (conformance.adapters), or ``MODULE:FACTORY`` naming a factory (or a
    ``dict`` entry: ``module:MUTANTS.name``). ValueError (one line) if it names nothing usable.

    ``subprocess:COMMAND`` is refused: the fuzzer's hive is the simulator's respx backend, which only
    hosts in this process reach (docs/fuzzing.md, Limits)."""
    if spec == "reference":
        return reference_host
    if spec.startswith("subprocess:"):
        raise ValueError(f"host {spec!r}: fuzzing a subprocess host needs the loopback hive, not wired yet")
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


def explore(
    host_factory: HostFactory,
    minutes: float,
    out_dir: Path,
    master_seed: int | None = None,
    examples_per_seed: int = 100,
    max_steps: int = 6,
    log: Callable[[str], None] = print,
) -> ExploreResult:
    """Search until ``minutes`` have passed (at least one seed); write each failure to ``out_dir``."""
    rng = random.Random(master_seed)
    deadline = time.monotonic() + minutes * 60
    result = ExploreResult()
    imports = load_manifest().imports
    profile = _settings(examples_per_seed)
    while not result.seeds or time.monotonic() < deadline:
        run_seed = rng.getrandbits(32)
        result.seeds.append(run_seed)
        with respx_world(host_factory) as world:
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
) -> ExploreResult:
    """Generate call sequences on ``left`` (checked as usual), replay each on ``right`` and report the first
    divergence (differential.py); a shrunk diverging sequence is written as a case file."""
    from .differential import compare_hosts

    rng = random.Random(master_seed)
    deadline = time.monotonic() + minutes * 60
    result = ExploreResult()
    imports = load_manifest().imports
    while not result.seeds or time.monotonic() < deadline:
        run_seed = rng.getrandbits(32)
        result.seeds.append(run_seed)
        with respx_world(left) as world:

            def after(w):
                divergence = compare_hosts(w.case(), left, right)
                assert divergence is None, divergence.describe()

            test = two_instances_any_calls(world, imports, max_steps, after=after)
            try:
                _settings(examples_per_seed)(hypothesis_seed(run_seed)(test))()
            except Exception as exc:
                result.failures.append(_save(world, exc, run_seed, out_dir, log))
    return result


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
