"""Load the manifest: TOML -> JSON Schema validation -> cross-reference checks -> typed Manifest."""

from __future__ import annotations

import copy
import json
import tomllib
from enum import IntEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from conformance.cache import schema_errors
from conformance.errors import BadInput

from ._model import (
    Api,
    Clause,
    Field,
    FutureKind,
    Import,
    Limits,
    Manifest,
    Param,
    Provenance,
    Struct,
)

MANIFEST_FILE = "ark-ml-v2.toml"
SCHEMA_FILE = "manifest.schema.json"


class ManifestError(BadInput):
    """The manifest file is malformed or inconsistent; the message names the offending entry."""


def manifest_path() -> Path:
    return Path(str(resources.files(__package__).joinpath(MANIFEST_FILE)))


def schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath(SCHEMA_FILE).read_text("utf-8"))


def read_raw(path: Path | None = None) -> dict[str, Any]:
    """The manifest as plain data (what tests mutate to prove that checks catch wrong values)."""
    with open(path or manifest_path(), "rb") as fh:
        return tomllib.load(fh)


@cache
def load_manifest() -> Manifest:
    """The project's manifest, loaded once per process."""
    return manifest_from_data(read_raw())


def manifest_from_data(data: dict[str, Any]) -> Manifest:
    """Validate plain manifest data and build the typed view; raises ManifestError on any problem."""
    errors = sorted(schema_errors(schema(), data), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.path) or "<root>"
        raise ManifestError(f"manifest schema violation at {where}: {first.message}")
    data = copy.deepcopy(data)
    error_codes = IntEnum("ErrorCode", {v["name"]: v["value"] for v in data["error_codes"]["values"]})
    apis = tuple(Api(a["name"], a["module"], int(a["api_id"], 16), _provenance(a["provenance"])) for a in data["apis"])
    structs = {
        s["name"]: Struct(
            name=s["name"],
            rust=s["rust"],
            size=s["size"],
            align=s["align"],
            fields=tuple(Field(f["name"], f["type"], f["offset"], f["size"]) for f in s["fields"]),
            provenance=_provenance(s["provenance"]),
        )
        for s in data["structs"]
    }
    kinds = {
        k["name"]: FutureKind(k["name"], k["output"], k["poll"], k["take"], _provenance(k["provenance"]))
        for k in data["future_kinds"]
    }
    lim = data["limits"]
    limits = Limits(
        lim["max_outstanding_futures"],
        lim["max_download_bytes"],
        float(lim["request_timeout_seconds"]),
        _provenance(lim["provenance"]),
    )
    imports = tuple(_import(i) for i in data["imports"])
    manifest = Manifest(
        manifest_version=data["manifest_version"],
        crate=data["spec"]["crate"],
        crate_version=data["spec"]["crate_version"],
        apis=apis,
        error_codes=error_codes,
        aliases={a["name"]: a["target"] for a in data["aliases"]},
        structs=structs,
        future_kinds=kinds,
        limits=limits,
        clauses=tuple(_clause(c, None) for c in data["clauses"]),
        imports=imports,
        raw=data,
    )
    _check_references(manifest)
    return manifest


def _provenance(p: dict[str, str]) -> Provenance:
    status = p["status"]
    detail = p.get("source") or p.get("rule") or p.get("reasoning") or ""
    return Provenance(status, detail)  # type: ignore[arg-type]


def _clause(c: dict[str, Any], import_key: str | None) -> Clause:
    return Clause(c["id"], c["text"], _provenance(c["provenance"]), c.get("error"), import_key)


def _import(i: dict[str, Any]) -> Import:
    key = f"{i['module']}::{i['field']}"
    return Import(
        api=i["api"],
        module=i["module"],
        field=i["field"],
        name=i["name"],
        rust=i["rust"],
        doc=i["doc"],
        params=tuple(Param(p["name"], p["rust"], p["wasm"]) for p in i["params"]),
        results=tuple(i["results"]),
        profile=i["profile"],
        features=tuple(i["features"]),
        errors=tuple(i["errors"]),
        signature_provenance=_provenance(i["signature_provenance"]),
        clauses=tuple(_clause(c, key) for c in i["clauses"]),
        out_type=i.get("out_type"),
        future=i.get("future"),
        polls=i.get("polls"),
        takes=i.get("takes"),
    )


def _check_references(m: Manifest) -> None:
    """Checks a JSON Schema cannot express: uniqueness and that every name refers to something."""
    problems: list[str] = []
    api_modules = {a.name: a.module for a in m.apis}
    seen_keys: set[str] = set()
    for imp in m.imports:
        if imp.key in seen_keys:
            problems.append(f"duplicate import {imp.key}")
        seen_keys.add(imp.key)
        if api_modules.get(imp.api) != imp.module:
            problems.append(f"{imp.key}: api {imp.api!r} does not use module {imp.module!r}")
        if imp.field != f"ml__{imp.name}":
            problems.append(f"{imp.key}: field must be ml__{imp.name}")
        for kind in (imp.future, imp.polls, imp.takes):
            if kind is not None and kind not in m.future_kinds:
                problems.append(f"{imp.key}: unknown future kind {kind!r}")
        if imp.out_type is not None and imp.out_type not in m.structs and imp.out_type not in m.aliases:
            problems.append(f"{imp.key}: unknown out_type {imp.out_type!r}")
        for name in imp.errors:
            if name not in m.error_codes.__members__:
                problems.append(f"{imp.key}: unknown error {name!r}")
    seen_ids: set[str] = set()
    for clause in m.all_clauses():
        if clause.id in seen_ids:
            problems.append(f"duplicate clause id {clause.id}")
        seen_ids.add(clause.id)
    for kind in m.future_kinds.values():
        for ref in (kind.poll, kind.take):
            if ref not in seen_keys:
                problems.append(f"future kind {kind.name}: {ref} is not an import")
    if problems:
        raise ManifestError("manifest inconsistent: " + "; ".join(problems))
