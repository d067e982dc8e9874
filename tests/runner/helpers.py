"""Shared helpers for the runner tests: fixture text surgery and paths."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

from conformance.runner import Fixture, discover

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures_wat"
DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = DATA / "start_training.success.wat"
# The runner's example fixtures, kept under tests/runner/data so tests do not depend on the corpus's text.
EXAMPLES = (
    "poll_future_training_handle.canary",
    "start_training.port-zero",
    "start_training.success",
    "stop_experiment.stops-remote-workers",
)


@cache
def corpus_fixtures() -> tuple[Fixture, ...]:
    """`discover(CORPUS)`, once per test process: several modules parametrize over the corpus at collection
    and others run it, and each would otherwise parse, expand and lint all of it again (in every xdist
    worker). Fixtures are frozen, so a test cannot change what another one sees."""
    return tuple(discover(CORPUS))


def fixture_dir(tmp_path: Path, *names: str, source: Path = DATA) -> Path:
    """A fixture directory in tmp_path with the given fixtures (by file stem) and every scenario."""
    target = tmp_path / "fixtures"
    (target / "scenarios").mkdir(parents=True)
    for scenario in (source / "scenarios").glob("*.json"):
        shutil.copy(scenario, target / "scenarios" / scenario.name)
    for name in names:
        shutil.copy(source / f"{name}.wat", target / f"{name}.wat")
    return target


def write_variant(directory: Path, name: str, text: str) -> Path:
    path = directory / f"{name}.wat"
    path.write_text(text, "utf-8")
    return path


def example_text(new_id: str | None = None, replace: tuple[tuple[str, str], ...] = ()) -> str:
    """The example fixture's text, with its id changed and the given (old, new) replacements applied."""
    text = EXAMPLE.read_text("utf-8")
    if new_id:
        text = text.replace('id = "start_training.success"', f'id = "{new_id}"')
    for old, new in replace:
        assert old in text, f"test helper: {old!r} not in the example fixture"
        text = text.replace(old, new)
    return text


def serve_spec(host_class: str | None = None) -> str:
    """`subprocess:` spec that runs reference_host.serve from this source tree (any cwd)."""
    import shlex
    import sys

    argv = ["env", f"PYTHONPATH={ROOT}", sys.executable, "-m", "reference_host.serve"]
    if host_class:
        argv += ["--host-class", host_class]
    return "subprocess:" + shlex.join(argv)
