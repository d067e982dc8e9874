"""Shared by the gallery test and kill_rate.py: read gallery.toml, run fixtures on a mutant via the runner."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from conformance.adapters import open_adapter
from conformance.runner import Fixture, RunOptions, RunResults, run_suite
from tests.runner.helpers import corpus_fixtures

ROOT = Path(__file__).absolute().parents[2]
FIXTURES_DIR = ROOT / "fixtures_wat"
GALLERY = Path(__file__).with_name("gallery.toml")
MODULE = "tests.mutants.gallery_hosts"
CAUGHT = frozenset({"fail", "timeout", "crash"})


@dataclass(frozen=True)
class GalleryEntry:
    cls: str
    caught_by: tuple[str, ...]

    @property
    def host_spec(self) -> str:
        return f"python:{MODULE}:{self.cls}"


def load_gallery(path: Path = GALLERY) -> list[GalleryEntry]:
    data = tomllib.loads(path.read_text("utf-8"))
    return [GalleryEntry(m["class"], tuple(m["caught_by"])) for m in data["mutant"]]


def fixtures() -> tuple[Fixture, ...]:
    return corpus_fixtures()


def run_on(host_spec: str, ids: tuple[str, ...] | None = None, jobs: int = 0) -> RunResults:
    """Run the fixtures `ids` (all of them for None) on the host `host_spec` through the runner's API."""
    selected = [f for f in fixtures() if ids is None or f.id in ids]
    missing = set(ids or ()) - {f.id for f in selected}
    if missing:
        raise KeyError(f"no fixture(s) {sorted(missing)} in {FIXTURES_DIR}")
    options = RunOptions(host_spec=host_spec, fixtures_dir=FIXTURES_DIR, jobs=jobs, seed=1)
    return run_suite(selected, options, lambda: open_adapter(host_spec))


def caught_by(results: RunResults) -> dict[str, str]:
    """{fixture id: outcome and diagnostic} for every case the host did not pass."""
    return {
        case.id: f"{case.outcome}: {case.diagnostic.message if case.diagnostic else case.reason}"
        for case in results.cases
        if str(case.outcome) in CAUGHT
    }


def caught_by_cli(host_spec: str, jobs: int = 0) -> dict[str, str]:
    """Like caught_by(run_on(host_spec)) for the full suite, but in a fresh `ark-conformance run` process.

    Why a process per host: a long series of in-process suite runs accumulates wasmtime resources (one
    memfd per compiled module), and a process per mutant is also how an external host would be run.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "results.json"
        argv = [sys.executable, "-m", "conformance", "run", "--host", host_spec, "--fixtures", str(FIXTURES_DIR),
                "--json", str(out), "--seed", "1", "-q"]
        if jobs:
            argv += ["--jobs", str(jobs)]
        proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)
        if proc.returncode not in (0, 1) or not out.is_file():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["(no output)"]
            raise RuntimeError(f"ark-conformance run --host {host_spec} exited {proc.returncode}: {tail[0]}")
        cases = json.loads(out.read_text("utf-8"))["cases"]
    return {
        case["id"]: f"{case['outcome']}: {(case.get('diagnostic') or {}).get('message', '')}"
        for case in cases
        if case["outcome"] in CAUGHT
    }
