"""Comparing a function type found in a module (or offered by a host) with the manifest's import.

Shared by the guest validator and the host link probe, so both say the same thing about the same
mismatch: which parameter (by the raw declaration's name), what was expected, what was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from conformance.manifest import Import, Manifest
from conformance.wasm import FuncSig

WAT_FUNC = re.compile(r"\(func\s*((?:\(param[^)]*\)\s*)*)((?:\(result[^)]*\)\s*)*)\)")


@dataclass(frozen=True)
class Problem:
    """One difference between an expected and a found signature; ``code`` is stable, ``message`` is for people."""

    code: str
    message: str
    param: str | None = None
    expected: str | None = None
    found: str | None = None


def func_sig(ty: Any) -> FuncSig | None:
    """A FuncSig from anything function-type-like (FuncSig, wasmtime.FuncType, an object with params/results).

    Returns None for a non-function type (memory, global, table).
    """
    if isinstance(ty, FuncSig):
        return ty
    params, results = getattr(ty, "params", None), getattr(ty, "results", None)
    if params is None or results is None:
        return None
    return FuncSig(tuple(str(p) for p in params), tuple(str(r) for r in results))


def parse_wat_func(text: str) -> FuncSig | None:
    """``(func (param i32 i64) (result i32))`` -> FuncSig (used to read wasmtime's link error messages)."""
    m = WAT_FUNC.search(text)
    if m is None:
        return None
    params = tuple(t for group in re.findall(r"\(param([^)]*)\)", m.group(1)) for t in group.split())
    results = tuple(t for group in re.findall(r"\(result([^)]*)\)", m.group(2)) for t in group.split())
    return FuncSig(params, results)


def expected_sig(imp: Import) -> FuncSig:
    return FuncSig(imp.param_types, imp.results)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def compare(imp: Import, found: FuncSig, manifest: Manifest) -> list[Problem]:
    """Every difference of ``found`` from the import's lowered signature; empty when they match exactly."""
    problems: list[Problem] = []
    want = expected_sig(imp)
    if len(found.params) != len(want.params):
        named = ", ".join(f"{p.name}: {p.wasm}" for p in imp.params) or "none"
        problems.append(
            Problem(
                "param-count",
                f"expected {_plural(len(want.params), 'parameter')} ({named}), found {len(found.params)}"
                f" ({' '.join(found.params) or 'none'})",
                expected=want.wat(),
                found=found.wat(),
            )
        )
    else:
        for i, (p, got) in enumerate(zip(imp.params, found.params, strict=True)):
            if got == p.wasm:
                continue
            hint = ""
            if p.wasm == "i64" and got == "i32":
                target = manifest.aliases.get(p.rust, p.rust)
                hint = f"; {p.rust} is {target}, which lowers to i64" if target != p.rust else "; u64 lowers to i64"
            problems.append(
                Problem(
                    "param-type",
                    f"parameter `{p.name}` (#{i + 1}, {p.rust}) is {got} where {p.wasm} is due{hint}",
                    param=p.name,
                    expected=p.wasm,
                    found=got,
                )
            )
    if found.results != want.results:
        if not found.results:
            problems.append(
                Problem(
                    "missing-result",
                    f"declares no result; expected (result {' '.join(want.results)}): the ErrorCode",
                    expected=" ".join(want.results),
                    found="",
                )
            )
        else:
            problems.append(
                Problem(
                    "result-type",
                    f"results are ({' '.join(found.results)}), expected ({' '.join(want.results)})",
                    expected=" ".join(want.results),
                    found=" ".join(found.results),
                )
            )
    return problems
