"""Real runs shared by the report tests: a faulty host on the runner's data fixtures (every kind of
outcome, with diagnostics) and the reference host on the same set, each written with --report-dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conformance.cli import main
from tests.runner.helpers import DATA

FAULTY = "python:tests.runner.hosts:OverwritingHost"


def _run(directory: Path, host: str) -> Path:
    main(["run", "--host", host, "--fixtures", str(DATA), "--report-dir", str(directory), "-q", "--seed", "1"])
    return directory


@pytest.fixture(scope="session")
def faulty_dir(tmp_path_factory) -> Path:
    return _run(tmp_path_factory.mktemp("faulty"), FAULTY)


@pytest.fixture(scope="session")
def reference_dir(tmp_path_factory) -> Path:
    return _run(tmp_path_factory.mktemp("reference"), "reference")


@pytest.fixture(scope="session")
def faulty_results(faulty_dir) -> dict:
    return json.loads((faulty_dir / "results.json").read_text())


@pytest.fixture(scope="session")
def _chromium_session():
    """One chromium for the session's browser tests (starting one is most of such a test's cost); imported
    here, not at the top, so the non-browser report tests do not need selenium."""
    from .browser import chromium

    with chromium() as driver:
        yield driver


@pytest.fixture
def browser(_chromium_session):
    """The shared chromium as a fresh test finds it: its console log drained (a test sees only the errors
    of the pages it loads) and its window at the starting size (a screenshot resizes it)."""
    from .browser import WINDOW, console_errors

    console_errors(_chromium_session)
    _chromium_session.set_window_size(*WINDOW)
    return _chromium_session
