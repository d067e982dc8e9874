"""Fixture discovery, `;;@` TOML header parsing, harness expansion and linting (docs/guest-protocol.md §5).

The one header parser of the project: the runner, the corpus lint and the coverage table all load fixtures
here. A fixture is a `.wat` file with a `;;@` header, expanded with the corpus harness (`_harness.py`)
unless `raw = true`, or a `.wasm` file (always raw) whose header is the sidecar `<id>.toml`.

Why a linter: a fixture that names an unknown clause, an ErrorCode that does not exist or a scenario file
that is missing would otherwise fail (or, worse, pass) for the wrong reason on every host. Every such
mistake is reported, with the file and what is wrong, before any case runs.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from conformance.cache import schema_errors
from conformance.errors import BadInput
from conformance.hive import ROUTES as HIVE_ROUTES
from conformance.hive import Scenario, ScenarioError
from conformance.manifest import Manifest, load_manifest
from conformance.wasm import read_interface

from . import _harness
from ._compile import compile_cached
from ._harness import HarnessError, header_text

SCENARIO_DIR = "scenarios"
DEFAULT_TIMEOUT_SECONDS = 5.0
DEFAULT_MAX_STEPS = 20_000


class FixtureError(BadInput):
    """A fixture (or the corpus) is broken; `problems` lists every `path: message` found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems[0] if len(problems) == 1 else f"{len(problems)} fixture problems: {problems[0]}")
        self.problems = problems


@dataclass(frozen=True)
class Check:
    """One expected journal record: the call's ErrorCode and, optionally, the bytes it gave the guest.

    An *observation* (`observe` set, no `call`/`code`) is a fact the guest computed itself (a struct's
    `size_of`, a value it derived): there is no call whose code could be judged, so only its bytes are.
    """

    id: int
    clause: str
    call: str | None = None
    code: str | None = None
    bytes: tuple[int | None, ...] | None = None  # None entries are `??` (any byte)
    bytes_text: str | None = None
    observe: str | None = None

    @property
    def label(self) -> str:
        """How diagnostics name the check's source: the call, or `observe: <what>`."""
        return self.call or f"observe: {self.observe}"


@dataclass(frozen=True)
class Relation:
    """A relation between the data of two or more journaled checks (e.g. two handles that must differ)."""

    kind: str  # "differ": pairwise different bytes; "equal": the same bytes
    checks: tuple[int, ...]
    clause: str
    note: str | None = None


@dataclass(frozen=True)
class HiveAssertion:
    """What the hive simulator must have seen after the run: request count on a route, body subset, workers."""

    route: str | None = None
    count: int | None = None
    json: dict[str, Any] | None = None
    json_null: tuple[str, ...] = ()
    workers: dict[str, int] | None = None
    run_id: str | None = None
    clause: str | None = None
    nth: int = 1  # `json`/`json_null` look at the nth request on `route` (1-based)
    started: int | None = None  # `workers` of the run created by the guest's nth start (1-based)
    after_check: int | None = None  # judge the hive as it was when this check was first journaled
    abandoned: int | None = None  # held requests on `route` the host hung up on before its instance closed
    held: int | None = None  # requests on `route` waiting in a hold fault (with after_check: a barrier)


@dataclass(frozen=True)
class Teardown:
    """Post-case check: the `held` requests on `route` must be abandoned by the host once its instance closes."""

    route: str
    held: int
    clause: str


@dataclass(frozen=True)
class Fixture:
    path: Path
    id: str
    title: str
    profile: str
    features: tuple[str, ...]
    scenario: str
    clauses: tuple[str, ...]
    expect: str | int
    timeout_seconds: float
    max_steps: int
    checks: tuple[Check, ...]
    hive: tuple[HiveAssertion, ...]
    sha256: str  # of the expanded text (or of the .wasm binary): what the host actually ran
    source: str = field(repr=False)  # the text to compile: the expanded module ("" for a .wasm fixture)
    teardown: Teardown | None = None
    includes: tuple[str, ...] = ()
    raw: bool = False
    relations: tuple[Relation, ...] = ()
    instances: int = 1
    # Optimisation hints for the host (a short request timeout, small caps found at run time): passed with
    # `instantiate`, never needed to pass (docs/guest-protocol.md §5).
    host_settings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def snapshot_checks(self) -> frozenset[int]:
        """Check ids after whose first journaling the runner snapshots the hive (`after_check`)."""
        return frozenset(h.after_check for h in self.hive if h.after_check is not None)

    @property
    def is_binary(self) -> bool:
        """A compiled guest (`.wasm` + sidecar header) rather than WAT text."""
        return self.path.suffix == ".wasm"

    def wasm(self) -> bytes:
        """The module the host runs: the `.wasm` file itself, else the expanded text compiled (cached)."""
        return self.path.read_bytes() if self.is_binary else compile_cached(self.source)

    @property
    def scenario_path(self) -> Path:
        return self.path.parent / SCENARIO_DIR / f"{self.scenario}.json"


@cache
def header_schema() -> dict[str, Any]:
    text = resources.files("conformance").joinpath("schemas/fixture-header.schema.json").read_text("utf-8")
    return json.loads(text)


def parse_header(source: str) -> dict[str, Any]:
    """The header as data; raises ValueError (one line) when it is missing or is not TOML."""
    text = header_text(source)
    if not text.strip():
        raise ValueError("no `;;@` header")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"header is not TOML: {exc}") from None


def parse_bytes_pattern(text: str) -> tuple[int | None, ...]:
    """`"a5a5 ??00"` -> (0xa5, 0xa5, None, 0x00); spaces ignored; raises ValueError on anything else."""
    compact = re.sub(r"\s+", "", text)
    if len(compact) % 2:
        raise ValueError(f"bytes pattern {text!r} has an odd number of hex digits")
    out: list[int | None] = []
    for i in range(0, len(compact), 2):
        pair = compact[i : i + 2]
        if pair == "??":
            out.append(None)
        elif re.fullmatch(r"[0-9a-fA-F]{2}", pair):
            out.append(int(pair, 16))
        else:
            raise ValueError(f"bytes pattern {text!r}: {pair!r} is neither two hex digits nor ??")
    return tuple(out)


def _schema_problems(data: dict[str, Any]) -> list[str]:
    problems = []
    for err in sorted(schema_errors(header_schema(), data), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in err.path) or "header"
        problems.append(f"{where}: {err.message}")
    return problems


@cache
def _scenario_problems_cached(path: Path, mtime_ns: int) -> tuple[str, ...]:
    try:
        Scenario.from_dict(json.loads(path.read_text("utf-8")))
    except (ValueError, ScenarioError) as exc:  # json.JSONDecodeError is a ValueError
        return (f"scenario {path.name} is not a valid hive scenario: {exc}",)
    return ()


def _scenario_problems(path: Path) -> list[str]:
    """A scenario is checked once per file version: many fixtures share one."""
    return list(_scenario_problems_cached(path, path.stat().st_mtime_ns))


def _semantic_problems(data: dict[str, Any], path: Path, manifest: Manifest) -> list[str]:
    """Cross-references against the manifest and the scenario directory."""
    problems = []
    known_clauses = {c.id for c in manifest.all_clauses()}
    calls = {imp.field for imp in manifest.imports}
    codes = {code.name for code in manifest.error_codes}
    if data["id"] != path.stem:
        problems.append(f"id {data['id']!r} does not match the file name {path.stem!r}")
    if not data["clauses"]:
        problems.append("clauses is empty: every fixture must name the clause(s) it tests")
    for clause in data["clauses"]:
        if clause not in known_clauses:
            problems.append(f"unknown clause id {clause!r} (not in the manifest)")
    if len(set(data["clauses"])) != len(data["clauses"]):
        problems.append("clauses lists a clause twice")
    scenario = path.parent / SCENARIO_DIR / f"{data['scenario']}.json"
    if not scenario.is_file():
        problems.append(f"unknown scenario {data['scenario']!r} (no {SCENARIO_DIR}/{data['scenario']}.json)")
    else:
        problems.extend(_scenario_problems(scenario))
    seen: set[int] = set()
    for check in data.get("check", []):
        where = f"check {check['id']}"
        if check["id"] in seen:
            problems.append(f"duplicate check id {check['id']}")
        seen.add(check["id"])
        if "call" in check and check["call"] not in calls:
            problems.append(f"{where}: unknown call {check['call']!r} (not a manifest import field)")
        if "code" in check and check["code"] not in codes:
            problems.append(f"{where}: unknown ErrorCode {check['code']!r} (known: {', '.join(sorted(codes))})")
        if check["clause"] not in known_clauses:
            problems.append(f"{where}: unknown clause id {check['clause']!r}")
        elif check["clause"] not in data["clauses"]:
            problems.append(f"{where}: clause {check['clause']!r} is not listed in the fixture's clauses")
        if "bytes" in check:
            try:
                parse_bytes_pattern(check["bytes"])
            except ValueError as exc:
                problems.append(f"{where}: {exc}")
    for i, hive in enumerate(data.get("hive", []), 1):
        if "route" in hive and hive["route"] not in HIVE_ROUTES:
            problems.append(f"hive assertion {i}: unknown route {hive['route']!r} (known: {', '.join(HIVE_ROUTES)})")
        if "clause" in hive and hive["clause"] not in data["clauses"]:
            problems.append(f"hive assertion {i}: clause {hive['clause']!r} is not listed in the fixture's clauses")
        if "after_check" in hive and hive["after_check"] not in seen:
            problems.append(f"hive assertion {i}: after_check {hive['after_check']} is not a declared check id")
    for i, relation in enumerate(data.get("relation", []), 1):
        ids = relation.get("differ", relation.get("equal", []))
        unknown = [cid for cid in ids if cid not in seen]
        if unknown:
            problems.append(f"relation {i}: check id(s) {unknown} are not declared")
        if relation["clause"] not in data["clauses"]:
            problems.append(f"relation {i}: clause {relation['clause']!r} is not listed in the fixture's clauses")
    teardown = data.get("teardown")
    if teardown:
        if teardown["route"] not in HIVE_ROUTES:
            problems.append(f"teardown: unknown route {teardown['route']!r} (known: {', '.join(HIVE_ROUTES)})")
        if teardown["clause"] not in data["clauses"]:
            problems.append(f"teardown: clause {teardown['clause']!r} is not listed in the fixture's clauses")
    if not data.get("check") and not data.get("hive") and data.get("expect", "pass") == "pass":
        problems.append("no [[check]] and no [[hive]]: the fixture would judge nothing")
    return problems


SIDECAR_SUFFIX = ".toml"
FIXTURE_SUFFIXES = (".wat", ".wasm")


def read_header(path: Path) -> tuple[str, dict[str, Any]]:
    """(the fixture's text, its header as data): `;;@` lines of a `.wat`, the sidecar TOML of a `.wasm`."""
    if path.suffix != ".wasm":
        source = path.read_text("utf-8")
        return source, parse_header(source)
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    if not sidecar.is_file():
        raise ValueError(f"no header: a .wasm fixture needs the sidecar {sidecar.name}")
    try:
        data = tomllib.loads(sidecar.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{sidecar.name} is not TOML: {exc}") from None
    if data.get("raw", True) is not True:
        raise ValueError(f"{sidecar.name}: a .wasm fixture is always raw (raw = false is not allowed)")
    return "", data


def _expanded(path: Path, source: str, data: dict[str, Any]) -> tuple[str, list[str]]:
    """(the text to compile, problems): the harness spliced in unless the fixture is raw or has no harness."""
    includes = data.get("includes", [])
    if path.suffix == ".wasm" or data.get("raw", False):
        return source, ["includes is set but the fixture is raw: nothing is spliced"] if includes else []
    directory = _harness.harness_dir(path.parent)
    if directory is None:
        problems = [f"includes is set but {path.parent}/{_harness.HARNESS_DIR}/ has no prelude.wat"] if includes else []
        return source, problems
    try:
        expanded = _harness.expand(source, directory, includes)
        needed = _harness.required_imports(directory, includes)
    except HarnessError as exc:
        return source, [str(exc)]
    declared = set(re.findall(r'\(import\s+"[^"]*"\s+"([^"]*)"', source))
    problems = [f"the harness calls {name}, which the fixture does not import" for name in sorted(needed - declared)]
    return expanded, problems


def header_problems(data: dict[str, Any], path: Path, manifest: Manifest) -> list[str]:
    """Everything wrong with one header: the schema first, then cross-references to manifest and scenarios."""
    return _schema_problems(data) or _semantic_problems(data, path, manifest)


def imported_fields(fixture: Fixture) -> set[str]:
    """The import fields the module declares: read from the binary of a `.wasm`, from the text of a `.wat`."""
    if fixture.is_binary:
        return {imp.name for imp in read_interface(fixture.path).imports}
    return set(re.findall(r'\(import\s+"[^"]*"\s+"([^"]*)"', fixture.source))


def load_fixture(path: Path, manifest: Manifest | None = None) -> Fixture:
    """Parse, expand and lint one fixture; raises FixtureError listing every problem found."""
    manifest = manifest or load_manifest()
    try:
        source, data = read_header(path)
    except (ValueError, OSError) as exc:  # UnicodeDecodeError is a ValueError
        raise FixtureError([f"{path}: {exc}"]) from None
    problems = header_problems(data, path, manifest)
    if not problems:
        source, harness_problems = _expanded(path, source, data)
        problems += harness_problems
    if problems:
        raise FixtureError([f"{path}: {p}" for p in problems])
    checks = tuple(
        Check(
            id=c["id"],
            clause=c["clause"],
            call=c.get("call"),
            code=c.get("code"),
            bytes=parse_bytes_pattern(c["bytes"]) if "bytes" in c else None,
            bytes_text=c.get("bytes"),
            observe=c.get("observe"),
        )
        for c in data.get("check", [])
    )
    relations = tuple(
        Relation(
            kind="differ" if "differ" in r else "equal",
            checks=tuple(r.get("differ", r.get("equal", []))),
            clause=r["clause"],
            note=r.get("note"),
        )
        for r in data.get("relation", [])
    )
    hive = tuple(
        HiveAssertion(
            route=h.get("route"),
            count=h.get("count"),
            json=h.get("json"),
            json_null=tuple(h.get("json_null", [])),
            workers=h.get("workers"),
            run_id=h.get("run_id"),
            clause=h.get("clause"),
            nth=h.get("nth", 1),
            started=h.get("started"),
            after_check=h.get("after_check"),
            abandoned=h.get("abandoned"),
            held=h.get("held"),
        )
        for h in data.get("hive", [])
    )
    return Fixture(
        path=path,
        id=data["id"],
        title=data["title"],
        profile=data.get("profile", "core"),
        features=tuple(data.get("features", [])),
        scenario=data["scenario"],
        clauses=tuple(data["clauses"]),
        expect=data.get("expect", "pass"),
        timeout_seconds=float(data.get("timeout_seconds", DEFAULT_TIMEOUT_SECONDS)),
        max_steps=int(data.get("max_steps", DEFAULT_MAX_STEPS)),
        checks=checks,
        hive=hive,
        sha256=_content_digest(path, source),
        source=source,
        teardown=Teardown(**data["teardown"]) if "teardown" in data else None,
        includes=tuple(data.get("includes", [])),
        raw=path.suffix == ".wasm" or bool(data.get("raw", False)),
        relations=relations,
        instances=int(data.get("instances", 1)),
        host_settings=dict(data.get("host_settings", {})),
    )


def matching_stems(stems: list[str], pattern: str | None) -> list[str]:
    """`-k` on file stems (= fixture ids), the runner's rule: an exact id alone, else fnmatch, else substring."""
    if not pattern:
        return stems
    if pattern in stems:
        return [pattern]
    glob = pattern if any(ch in pattern for ch in "*?[") else f"*{pattern}*"
    return [stem for stem in stems if fnmatch.fnmatchcase(stem, glob)]


def fixture_paths(directory: Path) -> list[Path]:
    """Every fixture file directly in `directory`: `*.wat`, and `*.wasm` (each with its sidecar header)."""
    return sorted(p for p in directory.iterdir() if p.suffix in FIXTURE_SUFFIXES)


def _content_digest(path: Path, expanded: str) -> str:
    """A fixture's sha256: of the `.wasm` binary, else of the expanded text (what the host actually ran)."""
    return hashlib.sha256(path.read_bytes() if path.suffix == ".wasm" else expanded.encode("utf-8")).hexdigest()


def identity(path: Path) -> tuple[str, str]:
    """(id, sha256) of a fixture file as `load_fixture` would give them, without linting it: the header is
    only parsed for `includes`/`raw` and the text expanded. A run selecting a few fixtures with `-k` still
    records the digest of the whole set (results.json `fixture_set_sha256`) at this cost, not a full
    load. A file that cannot be read this far counts as its stem and the digest of its bytes."""
    try:
        source, data = read_header(path)
        expanded, _ = _expanded(path, source, data)
        return str(data.get("id", path.stem)), _content_digest(path, expanded)
    except (ValueError, OSError, AttributeError, TypeError):
        try:
            return path.stem, hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return path.stem, ""


def corpus_identities(directory: Path) -> list[tuple[str, str]]:
    """`identity` of every fixture file in `directory` (FixtureError when there is none)."""
    if not directory.is_dir():
        raise FixtureError([f"{directory}: no such fixture directory"])
    return [identity(path) for path in fixture_paths(directory)]


def discover(directory: Path, manifest: Manifest | None = None, pattern: str | None = None) -> list[Fixture]:
    """The fixtures in `directory` (only those whose id matches `pattern`, if given), sorted by id.

    Filtering by file stem before parsing means `-k one-id` loads and lints one file, not the corpus.
    Raises FixtureError listing every problem found.
    """
    if not directory.is_dir():
        raise FixtureError([f"{directory}: no such fixture directory"])
    paths = fixture_paths(directory)
    if not paths:
        raise FixtureError([f"{directory}: no fixtures in this directory (*.wat, or *.wasm with a sidecar .toml)"])
    wanted = set(matching_stems([p.stem for p in paths], pattern))
    fixtures: list[Fixture] = []
    problems: list[str] = []
    for path in paths:
        if path.stem not in wanted:
            continue
        try:
            fixtures.append(load_fixture(path, manifest))
        except FixtureError as exc:
            problems.extend(exc.problems)
    by_id: dict[str, Path] = {}
    for fx in fixtures:
        if fx.id in by_id:
            problems.append(f"{fx.path}: duplicate fixture id {fx.id!r} (also {by_id[fx.id]})")
        by_id[fx.id] = fx.path
    if problems:
        raise FixtureError(problems)
    return sorted(fixtures, key=lambda f: f.id)
