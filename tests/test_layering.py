"""The import rules of docs/design.md §1 ("Who may import whom") hold for every module of the suite.

The table in the design note is the data: this test parses it, so the documented architecture and the
code cannot drift apart silently.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DESIGN = ROOT / "docs" / "design.md"
EVERY_UNIT_ABOVE = "every unit above"


def layering_table(text: str) -> dict[str, set[str]]:
    """unit -> the units it may import, from the rows between the layering markers."""
    body = text.split("<!-- layering:start -->", 1)[1].split("<!-- layering:end -->", 1)[0]
    table: dict[str, set[str]] = {}
    for line in body.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 2 or not cells[0].startswith("`"):
            continue
        allowed = set(re.findall(r"`([\w.]+)`", cells[1]))
        if EVERY_UNIT_ABOVE in cells[1]:
            allowed |= set(table)
        table[cells[0].strip("`")] = allowed
    return table


def unit_of(module: str, units: dict[str, set[str]]) -> str | None:
    """The longest table unit that `module` is or lies inside."""
    matches = [u for u in units if module == u or module.startswith(u + ".")]
    return max(matches, key=len) if matches else None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every suite module a file imports (absolute or relative, at any depth of the file)."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            found |= {base} | {f"{base}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {m for m in found if m.split(".")[0] in ("conformance", "reference_host")}


def violations(units: dict[str, set[str]]) -> list[str]:
    problems = []
    for package in ("conformance", "reference_host"):
        for path in sorted((ROOT / package).rglob("*.py")):
            module = module_name(path)
            mine = unit_of(module, units)
            if mine is None:
                continue  # conformance/__init__, __main__: the package's own shell
            for target in sorted(imported_modules(path)):
                theirs = unit_of(target, units)
                if theirs is not None and theirs != mine and theirs not in units[mine]:
                    problems.append(f"{module} imports {target} ({mine} may not import {theirs})")
                private = next((i for i, part in enumerate(target.split(".")) if part.startswith("_")), None)
                if private is not None and private != 0:
                    owner = ".".join(target.split(".")[:private])
                    if owner != "conformance" and not module.startswith(owner):
                        problems.append(f"{module} imports {target}, a private module of {owner}")
    return problems


def test_the_code_follows_the_design_notes_import_table():
    assert violations(layering_table(DESIGN.read_text("utf-8"))) == []


def test_the_table_lists_every_unit_of_the_suite():
    units = layering_table(DESIGN.read_text("utf-8"))
    unlisted = sorted(
        module_name(p)
        for pkg in ("conformance", "reference_host")
        for p in (ROOT / pkg).rglob("*.py")
        if unit_of(module_name(p), units) is None and module_name(p) not in ("conformance", "conformance.__main__")
    )
    assert unlisted == []


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("| `conformance.hive` | `conformance.errors` |", "conformance.hive.x imports conformance.runner"),
        ("| `conformance.hive` | `conformance.runner` |", "private module of conformance.runner"),
    ],
)
def test_a_forbidden_import_is_reported(rows, expected, tmp_path, monkeypatch):
    """The check is able to fail: a hive module importing the runner (or its private module) is named."""
    fake = tmp_path / "conformance" / "hive"
    fake.mkdir(parents=True)
    (tmp_path / "reference_host").mkdir()
    (fake / "x.py").write_text("from conformance.runner._judge import judge\n", "utf-8")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    text = f"<!-- layering:start -->\n{rows}\n| `conformance.runner` | (nothing) |\n<!-- layering:end -->"
    assert any(expected in v for v in violations(layering_table(text)))
