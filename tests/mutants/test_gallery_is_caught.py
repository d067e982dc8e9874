"""Every mutant in the gallery is caught by each fixture gallery.toml says catches it.

One test per mutant, each restricted to its catching fixtures, so the file runs fast under xdist; the
reference host passing those same fixtures shows that the failures are the mutants' doing.
"""

from __future__ import annotations

import pytest

from . import gallery_hosts
from ._gallery import caught_by, load_gallery, run_on

GALLERY = load_gallery()


@pytest.mark.parametrize("entry", GALLERY, ids=[e.cls for e in GALLERY])
def test_mutant_is_caught_by_its_fixtures(entry) -> None:
    results = run_on(entry.host_spec, entry.caught_by, jobs=len(entry.caught_by))
    caught = caught_by(results)
    missed = [fixture for fixture in entry.caught_by if fixture not in caught]
    assert not missed, f"{entry.cls} passed {missed}; caught by: {caught or 'nothing'}"


def test_reference_host_passes_every_catching_fixture() -> None:
    ids = tuple(sorted({fixture for entry in GALLERY for fixture in entry.caught_by}))
    results = run_on("reference", ids, jobs=4)
    assert caught_by(results) == {}


def test_the_gallery_lists_every_mutant_class_once() -> None:
    classes = sorted(
        name for name, obj in vars(gallery_hosts).items()
        if isinstance(obj, type) and issubclass(obj, gallery_hosts.Mutant) and obj is not gallery_hosts.Mutant
    )
    listed = [entry.cls for entry in GALLERY]
    assert sorted(listed) == classes
    assert len(classes) >= 20
