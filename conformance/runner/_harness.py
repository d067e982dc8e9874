"""The fixture harness: `harness/prelude.wat` and the idioms a fixture pulls in with `includes = [...]`.

Why: every fixture speaks the same guest protocol (Params, Journal, phase machine) and uses the same few
helpers; pasting them into each file made half the corpus copies that had to be kept identical. Like
test262's `harness/` + `includes:`, a fixture now holds only its own concern and the runner splices the
shared text in before compiling.

Splice rule (WAT wants imports before definitions): the fixture's `(module ...)` is cut after its last
top-level `(import ...)` form; there go the prelude, then each included idiom, then the fixture's own text.
Idioms are ordered deterministically: the `includes` list in order, each preceded by the idioms it
`needs` (depth first, each once). A harness file is WAT text with an optional `;;@` TOML header:
`needs = [idiom, ...]` and `imports = [import field, ...]` (the imports the fixture must declare).

A corpus directory without `harness/` has no harness (its fixtures are whole modules), and a fixture with
`raw = true` (or a `.wasm` fixture) is used unchanged.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from conformance.errors import BadInput

HARNESS_DIR = "harness"
PRELUDE = "prelude"
HEADER_PREFIX = ";;@"
_NAME = re.compile(r"^[a-z0-9_]+$")


class HarnessError(BadInput):
    """An include names no harness file, a dependency cycle, or a module the splice cannot cut."""


@dataclass(frozen=True)
class HarnessFile:
    """One harness file: its WAT text (header removed), the idioms it needs and the imports it calls."""

    name: str
    text: str
    needs: tuple[str, ...]
    imports: tuple[str, ...]


def header_text(source: str) -> str:
    """The TOML text of a leading `;;@` comment block, with the prefix removed (plain `;;` lines are skipped)."""
    lines = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith(HEADER_PREFIX):
            rest = stripped[len(HEADER_PREFIX) :]
            lines.append(rest[1:] if rest.startswith(" ") else rest)
        elif stripped and not stripped.startswith(";;"):
            break  # the header is the leading comment block only
    return "\n".join(lines)


def body_text(source: str) -> str:
    """`source` without its `;;@` header lines: the WAT a harness file contributes."""
    return "".join(line for line in source.splitlines(keepends=True) if not line.lstrip().startswith(HEADER_PREFIX))


def harness_dir(fixture_dir: Path) -> Path | None:
    """The harness of a corpus directory, or None when the corpus has none."""
    directory = fixture_dir / HARNESS_DIR
    return directory if (directory / f"{PRELUDE}.wat").is_file() else None


def load_harness_file(directory: Path, name: str) -> HarnessFile:
    """One harness file by name (`th_ready` -> `harness/th_ready.wat`); raises HarnessError if absent or bad."""
    path = directory / f"{name}.wat"
    if not _NAME.match(name) or not path.is_file():
        raise HarnessError(f"unknown include {name!r} (no {HARNESS_DIR}/{name}.wat)")
    return _load_cached(path, path.stat().st_mtime_ns)


@cache
def _load_cached(path: Path, mtime_ns: int) -> HarnessFile:
    source = path.read_text("utf-8")
    try:
        header = tomllib.loads(header_text(source))
    except tomllib.TOMLDecodeError as exc:
        raise HarnessError(f"{HARNESS_DIR}/{path.name}: header is not TOML: {exc}") from None
    return HarnessFile(path.stem, body_text(source), tuple(header.get("needs", ())), tuple(header.get("imports", ())))


def resolve(directory: Path, includes: list[str] | tuple[str, ...]) -> list[HarnessFile]:
    """The idioms to splice, in order: each include after the idioms it needs, each once; cycles are errors."""
    ordered: list[HarnessFile] = []
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in done:
            return
        if name in path:
            raise HarnessError(f"include cycle: {' -> '.join((*path, name))}")
        idiom = load_harness_file(directory, name)
        for need in idiom.needs:
            visit(need, (*path, name))
        done.add(name)
        ordered.append(idiom)

    for name in includes:
        if name == PRELUDE:
            raise HarnessError("the prelude is implicit: do not list it in includes")
        visit(name, ())
    return ordered


def expand(source: str, directory: Path, includes: list[str] | tuple[str, ...]) -> str:
    """The standalone module: the fixture's imports, the prelude, the idioms, then the fixture's own text."""
    idioms = resolve(directory, includes)
    cut = splice_point(source)
    parts = [f"  ;; ---- harness: {PRELUDE}.wat ----\n", load_harness_file(directory, PRELUDE).text]
    for idiom in idioms:
        parts += [f"  ;; ---- harness: {idiom.name}.wat ----\n", idiom.text]
    parts.append("  ;; ---- end harness ----\n")
    head = source[:cut]
    return head + ("" if head.endswith("\n") else "\n") + "".join(parts) + source[cut:].lstrip("\n")


def required_imports(directory: Path, includes: list[str] | tuple[str, ...]) -> set[str]:
    """Import fields the included idioms (and the prelude) call, which the fixture must therefore declare."""
    names = {field for idiom in resolve(directory, includes) for field in idiom.imports}
    return names | set(load_harness_file(directory, PRELUDE).imports)


def splice_point(source: str) -> int:
    """Offset just after the last top-level `(import ...)` of the module (or after `(module`)."""
    forms = _top_level_forms(source)
    if forms is None:
        raise HarnessError("no `(module` form to splice the harness into")
    cut = forms[0]
    for start, end in forms[1]:
        if re.match(r"\(\s*import\b", source[start:end]):
            cut = end
    newline = source.find("\n", cut)
    return newline + 1 if newline != -1 and not source[cut:newline].strip() else cut


_TOKEN = re.compile(r';;|\(;|"|\(|\)')


def _top_level_forms(source: str) -> tuple[int, list[tuple[int, int]]] | None:
    """(offset after `(module`, [(start, end) of each form directly inside it]); strings and comments skipped.

    Jumps from one significant token (comment opener, quote, paren) to the next with a regex: a
    character-at-a-time loop over every fixture was a measurable part of a run's start-up."""
    depth, n = 0, len(source)
    module_end: int | None = None
    forms: list[tuple[int, int]] = []
    start = 0
    match = _TOKEN.search(source)
    while match is not None:
        i, token = match.start(), match.group()
        nxt = i + 1
        if token == ";;":
            nxt = source.find("\n", i)
            nxt = n if nxt == -1 else nxt
        elif token == "(;":
            close = source.find(";)", i + 2)
            nxt = n if close == -1 else close + 2
        elif token == '"':
            j = i + 1
            while j < n and source[j] != '"':
                j += 2 if source[j] == "\\" else 1
            nxt = j + 1
        elif token == "(":
            if depth == 0:
                head = re.match(r"\(\s*module\b", source[i:])
                if head is None:
                    return None
                module_end = i + head.end()
            elif depth == 1:
                start = i
            depth += 1
        else:
            depth -= 1
            if depth == 1:
                forms.append((start, i + 1))
            if depth == 0:
                break
        match = _TOKEN.search(source, nxt)
    return None if module_end is None else (module_end, forms)
