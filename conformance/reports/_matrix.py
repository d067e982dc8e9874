"""`matrix`: several hosts' results.json side by side, fixtures as rows, hosts as columns.

Why from results.json files: each host runs the suite in its own CI; the matrix only reads what they
published (like wpt.fyi or test262.fyi), after checking each file against the results schema.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from conformance.errors import BadInput
from conformance.runner import RESULTS_SCHEMA_VERSION, ResultsFileError, read_results_file, results_schema

from . import _html, _view


class MatrixError(BadInput):
    """An input file cannot be read as a results.json of this schema version (one line)."""


def load_results(path: Path) -> dict[str, Any]:
    try:
        data = read_results_file(path)
    except ResultsFileError as exc:
        raise MatrixError(str(exc)) from None
    if not isinstance(data, dict) or data.get("schema_version") != RESULTS_SCHEMA_VERSION:
        raise MatrixError(f"{path}: not a results.json of schema version {RESULTS_SCHEMA_VERSION}")
    import jsonschema  # only for `matrix`: a run imports this module but never validates here

    try:
        jsonschema.validate(data, results_schema())
    except jsonschema.ValidationError as exc:
        raise MatrixError(f"{path}: does not match the results schema: {exc.json_path}: {exc.message}") from None
    return data


def _model(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Hosts (columns), groups of rows by import and first clause, and per-host diagnostics."""
    hosts = []
    for i, run in enumerate(runs):
        label = f"{run['host']['name']} {run['host']['version']}"
        hosts.append(
            {
                "index": i,
                "label": label,
                "spec": run["host"]["spec"],
                "verdicts": run["verdicts"],
                "complete": run["complete"],
                "by_id": {c["id"]: c for c in run["cases"]},
            }
        )
    ids = sorted({c["id"] for run in runs for c in run["cases"]})
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for case_id in ids:
        some = next(h["by_id"][case_id] for h in hosts if case_id in h["by_id"])
        clause = some["clauses"][0] if some["clauses"] else "(none)"
        cells = []
        for host in hosts:
            case = host["by_id"].get(case_id)
            explained = case is not None and (case.get("diagnostic") or case.get("reason"))
            cells.append(
                {
                    "outcome": case["outcome"] if case else None,
                    "link": f"h{host['index']}-{_view.anchor(case_id)}" if explained else None,
                }
            )
        groups[(case_id.split(".", 1)[0], clause)].append({"id": case_id, "title": some["title"], "cells": cells})
    details = [
        {
            "host": host,
            "anchor": f"h{host['index']}-{_view.anchor(c['id'])}",
            "case": c,
            "lines": [(k, str(v)) for k, v in c.get("diagnostic", {}).items()]
            + ([("reason", c["reason"])] if c.get("reason") else []),
        }
        for host in hosts
        for c in host["by_id"].values()
        if c.get("diagnostic") or c.get("reason")
    ]
    return {
        "hosts": hosts,
        "groups": [
            {"import": k[0], "clause": k[1], "text": _view.clause_texts().get(k[1], ""), "rows": rows}
            for k, rows in sorted(groups.items())
        ],
        "details": details,
        "spec": runs[0]["spec"] if runs else "",
    }


def render_matrix_html(runs: list[dict[str, Any]]) -> str:
    return _html.render("matrix.html.j2", **_model(runs))


def render_matrix_markdown(runs: list[dict[str, Any]]) -> str:
    model = _model(runs)
    hosts = model["hosts"]
    lines = [
        f"# Conformance matrix ({model['spec']})",
        "",
        "| profile | " + " | ".join(h["label"] for h in hosts) + " |",
    ]
    lines.append("|---|" + "---|" * len(hosts))
    profiles = sorted({p for h in hosts for p in h["verdicts"]})
    for profile in profiles:
        lines.append(f"| {profile} | " + " | ".join(h["verdicts"].get(profile, "not claimed") for h in hosts) + " |")
    lines += ["", "| import | clause | fixture | " + " | ".join(h["label"] for h in hosts) + " |"]
    lines.append("|---|---|---|" + "---|" * len(hosts))
    for group in model["groups"]:
        for row in group["rows"]:
            cells = " | ".join(c["outcome"] or "—" for c in row["cells"])
            lines.append(f"| {group['import']} | {group['clause']} | `{row['id']}` | {cells} |")
    return "\n".join(lines) + "\n"
