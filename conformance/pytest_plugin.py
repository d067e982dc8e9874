"""pytest plugin: `pytest --ark-host SPEC` adds one test per fixture to a host project's own test run.

Why a plugin: a host project's CI already runs pytest; with this, each fixture is a test named by its
id (`ark::start_training.success`), with the diagnostic and rerun command as the failure text. Registered
through the `pytest11` entry point; without --ark-host it adds nothing, so other test runs are untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conformance.corpus import default_fixtures_dir

DEFAULT_FIXTURES = default_fixtures_dir()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("ark-conformance", "ark-ml-v2 conformance suite")
    group.addoption("--ark-host", metavar="SPEC", help="run the conformance fixtures against this host spec")
    group.addoption("--ark-expectations", metavar="FILE", help="per-host skip/expected-fail TOML")
    group.addoption("--ark-fixtures", metavar="DIR", help=f"fixture directory (default: {DEFAULT_FIXTURES})")


class _Session:
    """The host and options shared by every fixture test of this pytest process (one adapter, opened lazily)."""

    def __init__(self, config: pytest.Config) -> None:
        from conformance.runner import RunOptions, load_expectations

        fixtures_dir = Path(config.getoption("ark_fixtures") or DEFAULT_FIXTURES)
        expectations_path = config.getoption("ark_expectations")
        self.options = RunOptions(
            host_spec=config.getoption("ark_host"),
            fixtures_dir=fixtures_dir,
            jobs=1,
            expectations=load_expectations(Path(expectations_path) if expectations_path else None),
        )
        self.adapter: Any = None

    def open(self) -> Any:
        if self.adapter is None:
            from conformance.adapters import open_adapter

            self.adapter = open_adapter(self.options.host_spec)
        return self.adapter

    def close(self) -> None:
        if self.adapter is not None:
            self.adapter.close()
            self.adapter = None


class FixtureItem(pytest.Item):
    """One conformance fixture run as a test."""

    def __init__(self, *, fixture: Any, ark: _Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fixture = fixture
        self.ark = ark

    def runtest(self) -> None:
        from conformance.runner import BAD, Outcome, execute_case

        result = execute_case(self.ark.open(), self.fixture, self.ark.options)
        if result.outcome is Outcome.PASS:
            return
        why = result.diagnostic.message if result.diagnostic else (result.reason or "")
        if result.outcome in BAD:
            pytest.fail(f"{result.outcome}: {why}\nrerun: {result.rerun}", pytrace=False)
        if result.outcome is Outcome.XFAIL:
            pytest.xfail(why)
        pytest.skip(f"{result.outcome}: {why}")

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.fixture.path, 0, f"ark conformance: {self.fixture.id}"


class Suite(pytest.Collector):
    """The parent of the fixture tests, so their node ids read `ark::<fixture id>`."""

    def collect(self) -> list[pytest.Item]:  # the items are added by pytest_collection_modifyitems
        return []


@pytest.hookimpl(tryfirst=True)  # before -k and --deselect filter the items
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """Append one FixtureItem per fixture (in fixture order) when --ark-host is given."""
    if not config.getoption("ark_host"):
        return
    from conformance.runner import ExpectationsError, FixtureError, discover

    try:
        ark = _Session(config)
        fixtures = discover(ark.options.fixtures_dir)
    except (ExpectationsError, FixtureError) as exc:
        raise pytest.UsageError(f"ark-conformance: {exc}") from None
    config.stash[_SESSION] = ark
    suite = Suite.from_parent(session, name="ark", nodeid="ark")
    items.extend(FixtureItem.from_parent(suite, name=f.id, fixture=f, ark=ark) for f in fixtures)


_SESSION = pytest.StashKey[_Session]()


def pytest_sessionfinish(session: pytest.Session) -> None:
    ark = session.config.stash.get(_SESSION, None)
    if ark is not None:
        ark.close()
