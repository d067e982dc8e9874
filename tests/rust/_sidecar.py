"""Run a compiled fixture (``<id>.wasm`` + sidecar ``<id>.toml``) through the runner as it stands.

Until the runner reads sidecar fixtures itself, a compiled fixture is handed to it as the ``.wat`` the
runner knows: the sidecar's keys as ``;;@`` header lines (minus ``raw``, which only says "no harness")
and the binary's text form from Debian's ``wasm2wat``. The guest is the same module either way.
"""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

from conformance.runner import Fixture, load_fixture
from conformance.runner._fixture import header_schema

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures_wat"
# `raw` stays when the header schema knows it (a raw .wat gets no harness spliced in), else it is dropped
SIDECAR_ONLY_KEYS = () if "raw" in header_schema()["properties"] else ("raw",)


def header_lines(sidecar: Path) -> list[str]:
    """The sidecar's TOML as ``;;@`` lines, without the sidecar-only keys."""
    kept = []
    skipping = False
    for line in sidecar.read_text("utf-8").splitlines():
        key = line.split("=", 1)[0].strip()
        skipping = key in SIDECAR_ONLY_KEYS
        if not skipping:
            kept.append(f";;@ {line}".rstrip())
    tomllib.loads(sidecar.read_text("utf-8"))  # a sidecar that is not TOML fails here, not in the runner
    return kept


def as_wat_fixture(wasm: Path, directory: Path) -> Fixture:
    """Write ``directory/<id>.wat`` for ``wasm`` (with ``scenarios`` linked to the corpus's) and load it."""
    sidecar = wasm.with_suffix(".toml")
    text = subprocess.run(["wasm2wat", str(wasm)], check=True, capture_output=True, text=True).stdout
    path = directory / f"{wasm.stem}.wat"
    path.write_text("\n".join(header_lines(sidecar)) + "\n" + text, "utf-8")
    scenarios = directory / "scenarios"
    if not scenarios.exists():
        scenarios.symlink_to(CORPUS / "scenarios")
    return load_fixture(path)
