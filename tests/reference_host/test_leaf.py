"""reference_host is a leaf: of the suite it imports only the manifest, the Wasm helpers, the guest
protocol and the leaf helpers beneath them (strict JSON, the error model), so a host author can read
(or vendor) it without the runner, and nothing imports in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "reference_host"
ALLOWED = {
    "conformance.manifest",
    "conformance.wasm",
    "conformance.guest_protocol",
    "conformance.json_text",
    "conformance.errors",
}


def suite_imports(source: str) -> set[str]:
    """Every `conformance...` module a source file imports, at any depth of the file."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {name for name in names if name == "conformance" or name.startswith("conformance.")}
    return found


def test_reference_host_imports_only_the_manifest_wasm_and_guest_protocol():
    offending = {
        f"{path.name}: {name}"
        for path in sorted(PACKAGE.glob("*.py"))
        for name in suite_imports(path.read_text("utf-8"))
        if name not in ALLOWED
    }
    assert offending == set()


def test_the_check_sees_imports_inside_functions():
    source = "def f():\n    from conformance.adapters.inprocess import construct\n"
    assert suite_imports(source) == {"conformance.adapters.inprocess"}
