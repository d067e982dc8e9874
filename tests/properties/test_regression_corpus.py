"""The committed regression corpus (tests/properties/corpus/*.json) replays cleanly on the reference host
on every run, and still catches the bugs it was found on."""

from __future__ import annotations

from pathlib import Path

import pytest

from conformance.fuzz.case import load_case
from conformance.fuzz.checks import CallCheckFailed
from conformance.fuzz.hosts import reference_host
from conformance.fuzz.world import replay, respx_world
from tests.mutants.marshalling_mutants import MUTANTS

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.json"))


def test_corpus_is_not_empty():
    assert len(CORPUS) >= 4


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_case_replays_on_the_reference_host(path):
    case = load_case(path)
    with respx_world(reference_host, case.scenario, case.instances, case.memory_pages, case.fill) as world:
        replay(world, case)
        assert len(world.steps) == len(case.steps)


@pytest.mark.parametrize(
    ("stem", "mutant", "clause"),
    [
        ("invalid-utf8-fill-byte", "accepts-invalid-utf8", "abi/strings/utf8"),
        ("span-wrapping-past-2-32", "wrapping-bounds-check", "abi/pointers/bounds-checked"),
        ("take-twice", "take-does-not-consume", "NotFound"),
        ("out-slot-at-end-of-memory", "out-write-one-byte-too-long", "returned InvalidArguments"),
    ],
)
def test_corpus_case_catches_its_bug(stem, mutant, clause):
    case = load_case(Path(__file__).parent / "corpus" / f"{stem}.json")
    with respx_world(MUTANTS[mutant], case.scenario) as world, pytest.raises(CallCheckFailed, match=clause):
        replay(world, case)
