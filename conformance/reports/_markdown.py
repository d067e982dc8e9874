"""report.md: what a host author reads first, in a pull request or on a repository page."""

from __future__ import annotations

from conformance.runner import RunResults, error_line, summary

from ._view import clause_texts, counts, headline, notable


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(results: RunResults, stable: bool = False) -> str:
    """Header facts, verdicts, counts, every case that did not pass (diagnostic, clause text, rerun), all
    cases. `stable` leaves out per-run facts (timings, timestamp, platform) for committed reports."""
    data = results.to_dict()
    host = data["host"]
    versions = data["versions"]
    lines = [
        f"# Conformance report: {host['name']} {host['version']}",
        "",
        f"- Spec: {data['spec']} (manifest {data['manifest_version']})",
        f"- Suite: ark-ml-conformance {data['suite']['version']}, results schema {data['schema_version']}",
        f"- Host spec: `{host['spec']}`; profiles: {', '.join(host['profiles'])}; "
        f"features: {', '.join(host['features']) or 'none'}",
        f"- wasmtime {versions['wasmtime']}, httpx {versions['httpx']}, Python {versions['python']}"
        + ("" if stable else f", {versions['platform']}; started {data['started_at']}"),
        f"- Selection: {results.scope()}; expectations: {data['selection']['expectations'] or 'none'}",
        "",
        "| profile | verdict |",
        "|---|---|",
    ]
    lines += [f"| {profile} | **{verdict}** |" for profile, verdict in results.verdicts.items()]
    lines += [
        "",
        f"**{summary(results.outcomes)}** ({results.scope()}). Exit code {results.exit_code}.",
        "",
        *([f"**{error_line(results.outcomes)}**", ""] if error_line(results.outcomes) else []),
        "| outcome | count |",
        "|---|---|",
    ]
    lines += [f"| {o} | {n} |" for o, n in counts(results).items() if n]
    cases = notable(results)
    if cases:
        lines += ["", "## Cases that did not pass", ""]
        for case in cases:
            lines += [f"### `{case.id}`: {case.outcome}", "", _cell(headline(case)), ""]
            for clause in case.clauses:
                lines.append(f"- `{clause}`: {clause_texts().get(clause, '')}")
            lines += ["", f"Rerun: `{case.rerun}`" if case.seed is not None else "", ""]
    timing = "" if stable else " seconds |"
    lines += ["", "## All cases", "", "| case | outcome | clauses |" + timing]
    lines.append("|---|---|---|" + ("" if stable else "---|"))
    for case in results.cases:
        row = f"| `{case.id}` | {case.outcome} | {', '.join(case.clauses)} |"
        lines.append(row + ("" if stable else f" {case.duration_seconds:.3f} |"))
    return "\n".join(line for line in lines) + "\n"
