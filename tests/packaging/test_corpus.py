"""conformance.corpus picks the installed corpus first, else the checkout's fixtures_wat/."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance import corpus


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake site: package dir with (optionally) _corpus, and a sibling fixtures_wat/ like a checkout."""
    package = tmp_path / "conformance"
    (tmp_path / "fixtures_wat").mkdir(parents=True)
    package.mkdir()
    monkeypatch.setattr(corpus, "INSTALLED_CORPUS", package / "_corpus")
    monkeypatch.setattr(corpus, "SOURCE_CORPUS", tmp_path / "fixtures_wat")
    return tmp_path


def test_installed_copy_wins_from_any_directory(layout: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (layout / "conformance" / "_corpus").mkdir()
    monkeypatch.chdir(layout)
    assert corpus.default_fixtures_dir() == layout / "conformance" / "_corpus"


def test_checkout_root_gets_the_short_relative_name(layout: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(layout)
    assert corpus.default_fixtures_dir() == Path("fixtures_wat")


def test_elsewhere_a_checkout_gives_its_absolute_corpus(
    layout: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert corpus.default_fixtures_dir() == layout / "fixtures_wat"


def test_the_real_checkout_resolves_to_its_fixtures_wat() -> None:
    assert corpus.default_fixtures_dir().resolve() == Path(__file__).resolve().parents[2] / "fixtures_wat"
