"""junit.xml for CI panels: one <testsuite> per run, one <testcase> per fixture.

Why these attributes: CI panels (GitLab, Jenkins, GitHub test reporters) group by `classname` (here the
ABI import), link by `file` (the fixture), show the `failure` message (the diagnostic) and `system-out`
(the hive transcript of a case that did not pass), and list `properties` (suite, spec, host, verdicts) beside the run.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

from conformance.runner import BAD, CaseResult, Outcome, RunResults

from ._view import clause_texts, diagnostic_lines, headline, transcript

# How each outcome appears in JUnit (any outcome not listed is a plain <testcase>).
ELEMENT = {
    Outcome.FAIL: "failure",
    Outcome.XPASS: "failure",
    Outcome.SKIP: "skipped",
    Outcome.NOT_SUPPORTED: "skipped",
    Outcome.XFAIL: "skipped",
}


def _element(outcome: Outcome) -> str | None:
    """failure for a check that did not hold, error for any other outcome that fails the run, skipped else."""
    return ELEMENT.get(outcome, "error" if outcome in BAD else None)


def render_junit(results: RunResults, stable: bool = False) -> str:
    """The XML text; `stable` leaves out the timestamp and timings (for committed reports)."""
    data = results.to_dict()
    kinds = Counter(_element(o) for o in results.outcomes)
    suite = ET.Element(
        "testsuite",
        name=f"ark-ml-conformance:{results.host['name']}",
        tests=str(len(results.cases)),
        failures=str(kinds["failure"]),
        errors=str(kinds["error"]),
        skipped=str(kinds["skipped"]),
    )
    if not stable:
        suite.set("time", f"{results.duration_seconds:.3f}")
        suite.set("timestamp", results.started_at)
    properties = ET.SubElement(suite, "properties")
    facts = {
        "suite": f"{data['suite']['name']} {data['suite']['version']}",
        "spec": data["spec"],
        "host": f"{results.host['name']} {results.host['version']}",
        "host.spec": results.host["spec"],
        "scope": results.scope(),
        "complete": str(results.complete).lower(),
        **{f"verdict.{profile}": verdict for profile, verdict in results.verdicts.items()},
    }
    for name, value in facts.items():
        ET.SubElement(properties, "property", name=name, value=value)
    for case in results.cases:
        _testcase(suite, case, stable)
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _testcase(suite: ET.Element, case: CaseResult, stable: bool) -> None:
    element = ET.SubElement(suite, "testcase", classname=case.import_name, name=case.id, file=case.path)
    if not stable:
        element.set("time", f"{case.duration_seconds:.3f}")
    kind = _element(case.outcome)
    if kind == "skipped":
        ET.SubElement(element, kind, message=f"{case.outcome}: {headline(case)}")
    elif kind is not None:
        ET.SubElement(element, kind, message=headline(case), type=str(case.outcome)).text = _detail(case)
    if case.hive_requests and kind is not None:  # a passing case's transcript is noise (and varies with timing)
        ET.SubElement(element, "system-out").text = "hive transcript:\n" + transcript(case.hive_requests)


def _detail(case: CaseResult) -> str:
    lines = [f"{label}: {value}" for label, value in diagnostic_lines(case)]
    for clause in case.clauses:
        if clause in clause_texts():
            lines.append(f"clause {clause}: {clause_texts()[clause]}")
    lines.append(f"rerun: {case.rerun}")
    return "\n".join(lines)
