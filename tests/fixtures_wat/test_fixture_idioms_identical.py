"""Every fixture carries the README's prelude verbatim and the README's text for each idiom it uses."""

from __future__ import annotations

import dataclasses

import pytest

from ._lint import all_fixtures, idiom_problems, readme_blocks

FIXTURES = all_fixtures()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.path.stem for f in FIXTURES])
def test_prelude_and_idioms_match_the_readme(fixture) -> None:
    prelude, idioms = readme_blocks()
    assert idiom_problems(fixture, prelude, idioms) == []


def test_an_edited_idiom_is_flagged() -> None:
    prelude, idioms = readme_blocks()
    fixture = next(f for f in FIXTURES if "(func $start_std" in f.text)
    swapped = fixture.text.replace("(i32.const 7) (i32.const 3)", "(i32.const 3) (i32.const 7)")
    edited = dataclasses.replace(fixture, text=swapped)
    assert any("$start_std differs" in p for p in idiom_problems(edited, prelude, idioms))


def test_an_edited_prelude_is_flagged() -> None:
    prelude, idioms = readme_blocks()
    edited = dataclasses.replace(FIXTURES[0], text=FIXTURES[0].text.replace("(i32.const 0x104)", "(i32.const 0x108)"))
    assert any("prelude differs" in p for p in idiom_problems(edited, prelude, idioms))
