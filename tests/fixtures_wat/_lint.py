"""A stopgap linter for fixtures_wat/: header cross-references, prelude and idiom identity, coverage.

The runner has the authoritative linter; this one also checks what only the fixture corpus cares about:
that every fixture carries the README's prelude verbatim and the README's text for every idiom it
defines, so a reader learns the helpers once.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conformance.manifest import Manifest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures_wat"
README = FIXTURES / "README.md"
HEADER_PREFIX = ";;@"


@dataclass(frozen=True)
class Fixture:
    path: Path
    text: str
    header: dict[str, Any]

    @property
    def checks(self) -> list[dict[str, Any]]:
        return list(self.header.get("check", []))


def parse_header(text: str) -> dict[str, Any]:
    """The TOML document of the leading `;;@ ` lines (guest-protocol.md §5)."""
    lines = []
    for line in text.splitlines():
        if not line.startswith(HEADER_PREFIX):
            break
        lines.append(line[len(HEADER_PREFIX) + 1:] if line.startswith(HEADER_PREFIX + " ") else "")
    return tomllib.loads("\n".join(lines))


def load_fixture(path: Path) -> Fixture:
    text = path.read_text("utf-8")
    return Fixture(path, text, parse_header(text))


def all_fixtures() -> list[Fixture]:
    return [load_fixture(p) for p in sorted(FIXTURES.glob("*.wat"))]


def readme_blocks() -> tuple[str, dict[str, str]]:
    """(prelude text, {idiom name: text}) from the README's ```wat blocks 2 and 3."""
    blocks = re.findall(r"```wat\n(.*?)```", README.read_text("utf-8"), re.S)
    prelude, idiom_text = blocks[1], blocks[2]
    return prelude, split_funcs(idiom_text)


def split_funcs(text: str) -> dict[str, str]:
    """Top-level helper functions (2-space indent, each with its leading comment lines) by name."""
    funcs: dict[str, str] = {}
    for chunk in re.split(r"(?m)^(?=  ;;)", text):
        match = re.search(r"(?m)^  \(func \$(\w+)", chunk)
        if match:
            funcs[match.group(1)] = chunk
    return funcs


def idiom_problems(fixture: Fixture, prelude: str, idioms: dict[str, str]) -> list[str]:
    """The prelude must appear verbatim; every idiom the fixture defines must equal the README's text."""
    problems = []
    if prelude not in fixture.text:
        problems.append(f"{fixture.path.name}: prelude differs from fixtures_wat/README.md")
    block = re.search(r"(?s)  ;; ---- idioms .*?\n(.*?)  ;; ---- end idioms ----\n", fixture.text)
    defined = split_funcs(block.group(1)) if block else {}
    for name, text in defined.items():
        if name not in idioms:
            problems.append(f"{fixture.path.name}: ${name} in the idioms block is not a README idiom")
        elif text != idioms[name]:
            problems.append(f"{fixture.path.name}: idiom ${name} differs from fixtures_wat/README.md")
    outside = re.sub(r"(?s)  ;; ---- idioms .*?  ;; ---- end idioms ----\n", "", fixture.text)
    for name in idioms:
        if re.search(rf"\(func \${name}\b", outside):
            problems.append(f"{fixture.path.name}: ${name} is defined outside the idioms block")
    return problems


def header_problems(fixture: Fixture, manifest: Manifest) -> list[str]:
    """Cross-references of one header against the manifest and the scenario directory."""
    name = fixture.path.name
    header = fixture.header
    clause_ids = {clause.id for clause in manifest.all_clauses()}
    imports = {imp.field: imp for imp in manifest.imports}
    problems = []
    if header.get("id") != fixture.path.stem:
        problems.append(f"{name}: id {header.get('id')!r} is not the file name")
    if not (FIXTURES / "scenarios" / f"{header.get('scenario')}.json").is_file():
        problems.append(f"{name}: no scenario file for {header.get('scenario')!r}")
    for clause in header.get("clauses", []):
        if clause not in clause_ids:
            problems.append(f"{name}: unknown clause {clause!r}")
    seen: set[int] = set()
    for check in fixture.checks:
        cid = check.get("id")
        if cid in seen:
            problems.append(f"{name}: check id {cid} repeated")
        seen.add(cid)
        imp = imports.get(check.get("call", ""))
        if imp is None:
            problems.append(f"{name}: check {cid} calls unknown import {check.get('call')!r}")
        elif check.get("code") not in imp.errors:
            problems.append(f"{name}: check {cid}: {check.get('code')!r} is not an error of {imp.field}")
        if check.get("clause") not in clause_ids:
            problems.append(f"{name}: check {cid}: unknown clause {check.get('clause')!r}")
        if check.get("clause") not in header.get("clauses", []):
            problems.append(f"{name}: check {cid}: clause {check.get('clause')!r} missing from clauses")
        if not re.fullmatch(r"[0-9a-fA-F?\s]*", check.get("bytes", "")):
            problems.append(f"{name}: check {cid}: bytes is not hex")
        elif len(re.sub(r"\s", "", check.get("bytes", ""))) % 2:
            problems.append(f"{name}: check {cid}: bytes has an odd number of digits")
        call_id = f"$ml__{check.get('call', '')[4:]}" if imp else ""
        if imp and call_id not in fixture.text:
            problems.append(f"{name}: check {cid}: the guest never calls {imp.field}")
    return problems


def coverage_gaps(fixtures: list[Fixture], manifest: Manifest) -> list[str]:
    """Clauses no fixture lists, and (import, ErrorCode) pairs the manifest allows that no check expects."""
    listed = {c for f in fixtures for c in f.header.get("clauses", [])}
    gaps = [f"clause {c.id} is in no fixture" for c in manifest.all_clauses() if c.id not in listed]
    expected = {(check.get("call"), check.get("code")) for f in fixtures for check in f.checks}
    for imp in manifest.imports:
        gaps += [f"{imp.field} -> {code} is expected by no check" for code in imp.errors
                 if (imp.field, code) not in expected]
    return gaps
