"""report.html and matrix.html: self-contained pages rendered from Jinja2 templates (templates/).

Why self-contained: a report is attached to CI runs and mailed around; it must open from disk with no
network (inline CSS, a content security policy allowing nothing else) and show its essentials without
JavaScript (failures are <details> elements that expand natively).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

from conformance.runner import Outcome, RunResults, error_line

from . import _view


@cache
def _environment() -> jinja2.Environment:
    import jinja2  # only when an HTML report is written: most runs write none

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("conformance.reports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        anchor=_view.anchor,
        headline=_view.headline,
        diagnostic_lines=_view.diagnostic_lines,
        transcript=_view.transcript,
        outcome_class=outcome_class,
    )
    return env


def outcome_class(outcome: str) -> str:
    """The CSS class of an outcome: pass, one that fails the run, or any other."""
    if outcome == Outcome.PASS:
        return "o-pass"
    return "o-bad" if _view.is_bad(Outcome(outcome)) else "o-other"


def render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def render_html(results: RunResults, stable: bool = False) -> str:
    """report.html; `stable` leaves out timings, timestamp and platform (for committed reports)."""
    data = results.to_dict()
    return render(
        "report.html.j2",
        results=results,
        data=data,
        host=data["host"],
        stable=stable,
        counts=_view.counts(results),
        notable=_view.notable(results),
        clause_table=_view.clause_table(results),
        clause_texts=_view.clause_texts(),
        error_line=error_line(results.outcomes),
    )
