"""Where the fixture corpus lives: the copy inside the installed package, or the source checkout's.

Why: host authors install the suite with pip and run it from their own repository, so the default
fixture set cannot be a path relative to the current directory. The wheel carries `fixtures_wat/`
(with its subfolders, e.g. `scenarios/`) as the package data directory `conformance/_corpus/`
(setup.py maps it); a source checkout or an editable install has no such directory and uses the
repository's `fixtures_wat/` next to the `conformance` package instead.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
INSTALLED_CORPUS = PACKAGE_DIR / "_corpus"
SOURCE_CORPUS = PACKAGE_DIR.parent / "fixtures_wat"


def default_fixtures_dir() -> Path:
    """The installed corpus when the package was installed from a wheel/sdist, else the checkout's.

    When neither exists the checkout path is returned, so the fixture loader's one-line
    "no such fixture directory" error names the folder a developer would expect.
    """
    if INSTALLED_CORPUS.is_dir():
        return INSTALLED_CORPUS
    relative = Path(SOURCE_CORPUS.name)
    # Run from the checkout's root (scripts/*.sh): keep the short relative name, so results.json and
    # the rerun commands in committed reports carry no machine-specific path.
    if relative.resolve() == SOURCE_CORPUS:
        return relative
    return SOURCE_CORPUS
