"""The installed suite works without the repository: sdist -> wheel -> fresh venv -> full corpus run.

Issue 9 item 1: a host author installs the wheel and runs `ark-conformance run --host reference` from
their own directory; the default fixture set must be the corpus inside the package. This test builds the
sdist and the wheel offline, installs the wheel into a fresh venv that cannot see the checkout, and runs
the whole corpus and the coverage gate from an empty directory.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conformance.runner import discover
from tests.packaging._dist import (
    CORPUS_SOURCE,
    build_sdist_and_wheel,
    clean_env,
    copy_distribution,
    fresh_venv,
    install_wheel,
    missing_from_wheel,
    runtime_closure,
    site_packages,
    wheel_names,
)

# The one end-to-end test builds, installs and runs everything (~15 s); it belongs to the normal suite.
pytestmark = pytest.mark.slow


def _run(argv: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=120)


def test_wheel_installed_in_a_fresh_venv_runs_the_whole_corpus_from_an_empty_directory(tmp_path: Path) -> None:
    sdist, wheel = build_sdist_and_wheel(tmp_path / "build")
    names = wheel_names(wheel)
    assert missing_from_wheel(names) == []
    assert {"conformance/expectations/reference_host.toml", "conformance/manifest/ark-ml-v2.toml"} <= set(names)
    assert any(n.startswith("conformance/schemas/") and n.endswith(".schema.json") for n in names)
    assert any(n.endswith(".dist-info/licenses/LICENSE-MIT") for n in names)

    python = fresh_venv(tmp_path / "venv")
    purelib = site_packages(python)
    for dist in runtime_closure(wheel):
        copy_distribution(dist, purelib)
    install_wheel(python, wheel)

    empty = tmp_path / "elsewhere"
    empty.mkdir()
    env = clean_env(tmp_path)
    where = _run([str(python), "-c", "import conformance; print(conformance.__file__)"], empty, env)
    assert Path(where.stdout.strip()).is_relative_to(tmp_path / "venv"), where

    cli = str(python.parent / "ark-conformance")
    run = _run([cli, "run", "--host", "reference", "-q", "--report-dir", "out"], empty, env)
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads((empty / "out" / "results.json").read_text())
    corpus_size = len(discover(CORPUS_SOURCE))  # what the checkout's own run selects
    assert results["summary"]["pass"] == corpus_size == len(results["cases"])
    assert Path(results["selection"]["fixtures_dir"]).is_relative_to(purelib), results["selection"]["fixtures_dir"]
    assert {"junit.xml", "report.md"} <= {p.name for p in (empty / "out").iterdir()}

    coverage = _run([cli, "coverage", "--require-error-codes"], empty, env)
    assert coverage.returncode == 0, coverage.stdout[-2000:] + coverage.stderr[-2000:]
    assert sorted(p.name for p in empty.iterdir()) == ["out"]  # nothing else written to the user's directory
    assert sdist.stat().st_size > 0


def test_missing_from_wheel_names_each_corpus_file_the_wheel_lacks(tmp_path: Path) -> None:
    corpus = tmp_path / "fixtures_wat"
    (corpus / "scenarios").mkdir(parents=True)
    (corpus / "a.success.wat").write_text("")
    (corpus / "scenarios" / "one-run.json").write_text("{}")
    (corpus / "harness").mkdir()
    (corpus / "harness" / "h.wat").write_text("")
    shipped = ["conformance/_corpus/a.success.wat", "conformance/_corpus/scenarios/one-run.json"]
    assert missing_from_wheel(shipped, corpus) == ["harness/h.wat"]
    assert missing_from_wheel([*shipped, "conformance/_corpus/harness/h.wat"], corpus) == []
