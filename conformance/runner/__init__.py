"""The conformance runner: fixtures in, per-case outcomes and reports out.

>>> from conformance.runner import discover, run_suite, RunOptions
"""

from ._case import CaseRun, run_case
from ._compile import compile_cached, function_exports
from ._coverage import compute_coverage, load_hard_values, render_table
from ._expectations import Expectation, Expectations, ExpectationsError, apply, load_expectations
from ._fixture import Check, Fixture, FixtureError, HiveAssertion, discover, fixture_paths, load_fixture, parse_header
from ._judge import Diagnostic, HiveObservation, Record, judge
from ._outcome import Outcome, error_line, exit_code, summary
from ._results import CaseResult, RunResults, render_report, results_schema, write_json, write_junit, write_report
from ._run import HostUnavailable, RunOptions, run_suite, select

__all__ = [
    "CaseResult",
    "CaseRun",
    "Check",
    "Diagnostic",
    "Expectation",
    "Expectations",
    "ExpectationsError",
    "Fixture",
    "FixtureError",
    "HiveAssertion",
    "HiveObservation",
    "HostUnavailable",
    "Outcome",
    "Record",
    "RunOptions",
    "RunResults",
    "apply",
    "compile_cached",
    "compute_coverage",
    "discover",
    "error_line",
    "exit_code",
    "fixture_paths",
    "function_exports",
    "judge",
    "load_expectations",
    "load_fixture",
    "load_hard_values",
    "parse_header",
    "render_report",
    "render_table",
    "results_schema",
    "run_case",
    "run_suite",
    "select",
    "summary",
    "write_json",
    "write_junit",
    "write_report",
]
