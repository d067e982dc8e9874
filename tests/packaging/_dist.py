"""Build the sdist and the wheel offline, and install the wheel into a fresh venv that cannot see the repo.

Why this shape:
- The build runs on a copy of the source tree (setuptools writes build/ and *.egg-info next to the
  sources), and the wheel is built from the unpacked sdist, as `python -m build` does: a file the sdist
  forgets makes the wheel incomplete and the test fail.
- PEP 517 hooks are called directly with the test venv's setuptools (the `test` extra pins a version that
  builds wheels by itself), so no network and no build isolation are needed.
- The fresh venv gets no pip and no access to the checkout: the wheel is installed with the test venv's pip
  (`pip --python`), and its runtime dependencies are copied file by file from the test venv's installed
  distributions (their RECORD), which is an offline install of exactly the versions under test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
CORPUS_SOURCE = ROOT / "fixtures_wat"
CORPUS_IN_WHEEL = "conformance/_corpus/"
# Never part of a distribution: local state of a checkout.
_NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "*.pyc",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".benchmarks",
    "out",
)


def _not_source(directory: str, names: list[str]) -> set[str]:
    """_NOT_SOURCE, plus the checkout's own published reports/ (top level only: conformance/reports is code)."""
    ignored = set(_NOT_SOURCE(directory, names))
    return ignored | ({"reports"} & set(names) if Path(directory) == ROOT else set())


def _build(hook: str, source: Path, out: Path) -> Path:
    """Run one setuptools PEP 517 hook in a child interpreter (it chdirs and writes), return its artifact."""
    code = f"from setuptools import build_meta; print(build_meta.{hook}({str(out)!r}))"
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=source, capture_output=True, text=True, check=False, timeout=120
    )
    if proc.returncode != 0:
        raise AssertionError(f"{hook} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return out / proc.stdout.strip().splitlines()[-1]


def build_sdist_and_wheel(work: Path) -> tuple[Path, Path]:
    """(sdist, wheel): the sdist from a copy of the checkout, the wheel from the unpacked sdist."""
    tree = work / "tree"
    shutil.copytree(ROOT, tree, ignore=_not_source)
    out = work / "dist"
    out.mkdir()
    sdist = _build("build_sdist", tree, out)
    with tarfile.open(sdist) as tar:
        if hasattr(tarfile, "data_filter"):  # Python >= 3.11.4
            tar.extractall(work / "unpacked", filter="data")
        else:  # our own sdist, just built
            tar.extractall(work / "unpacked")
    (unpacked,) = (work / "unpacked").iterdir()
    return sdist, _build("build_wheel", unpacked, out)


def missing_from_wheel(wheel_names: list[str], corpus: Path = CORPUS_SOURCE) -> list[str]:
    """Corpus files (relative to fixtures_wat/, subfolders included) that the wheel does not carry."""
    shipped = {name.removeprefix(CORPUS_IN_WHEEL) for name in wheel_names if name.startswith(CORPUS_IN_WHEEL)}
    wanted = {
        path.relative_to(corpus).as_posix()
        for path in corpus.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    return sorted(wanted - shipped)


def wheel_names(wheel: Path) -> list[str]:
    """Every member name of the wheel."""
    with zipfile.ZipFile(wheel) as zf:
        return zf.namelist()


def runtime_closure(wheel: Path) -> list[metadata.Distribution]:
    """The installed distributions the wheel's unconditional requirements pull in, transitively."""
    with zipfile.ZipFile(wheel) as zf:
        (meta_name,) = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        requires = [
            line.split(":", 1)[1].strip()
            for line in zf.read(meta_name).decode().splitlines()
            if line.startswith("Requires-Dist:")
        ]
    seen: dict[str, metadata.Distribution] = {}
    todo = [Requirement(r) for r in requires]
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(req.name)
        if name in seen:
            continue
        dist = metadata.distribution(req.name)
        if not req.specifier.contains(dist.version, prereleases=True):
            raise AssertionError(f"installed {req.name} {dist.version} does not satisfy the wheel's {req}")
        seen[name] = dist
        todo.extend(Requirement(r) for r in dist.requires or [])
    return list(seen.values())


def fresh_venv(target: Path) -> Path:
    """A venv without pip, the repo's sys.path or site-packages; return its python."""
    venv.EnvBuilder(with_pip=False, clear=True).create(target)
    return target / "bin" / "python"


def site_packages(python: Path) -> Path:
    """The purelib directory of the venv `python` belongs to."""
    out = subprocess.run(
        [str(python), "-I", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return Path(out.stdout.strip())


def copy_distribution(dist: metadata.Distribution, dest: Path) -> None:
    """Copy one installed distribution's files (its RECORD) into dest; scripts and bytecode are left out."""
    for file in dist.files or []:
        if file.parts[0] == ".." or file.suffix == ".pyc":
            continue
        src = Path(str(dist.locate_file(file)))
        if src.is_file():
            target = dest / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)


def install_wheel(python: Path, wheel: Path) -> None:
    """Install the wheel into the venv of `python` with this interpreter's pip, offline, no dependencies.

    PYTHONPATH is dropped: an `*.egg-info` it reaches (a checkout's editable install) makes pip find the
    same version "already satisfied" and install nothing.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-index",
            "--no-deps",
            "--disable-pip-version-check",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )
    if proc.returncode != 0:
        raise AssertionError(f"pip install of {wheel.name} failed:\n{proc.stderr[-3000:]}")


def clean_env(home: Path) -> dict[str, str]:
    """The environment of the installed commands: no PYTHONPATH, no user site, HOME outside the repo."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), PYTHONNOUSERSITE="1", PYTHONDONTWRITEBYTECODE="1")
    return env
