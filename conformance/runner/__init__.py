"""The conformance runner: fixtures in, per-case outcomes out, fed to reporters (conformance/reports/).

>>> from conformance.runner import discover, run_suite, RunOptions
"""

from ._case import CaseRun, run_case
from ._compile import compile_cached, function_exports
from ._coverage import compute_coverage, load_hard_values, render_table
from ._expectations import Expectation, Expectations, ExpectationsError, apply, load_expectations
from ._fixture import (
    Check,
    Fixture,
    FixtureError,
    HiveAssertion,
    corpus_identities,
    discover,
    fixture_paths,
    load_fixture,
    matching_stems,
    parse_header,
)
from ._judge import Diagnostic, HiveObservation, Record, judge
from ._outcome import BAD, ORDER, PROGRESS_CHAR, Outcome, error_line, exit_code, summary
from ._reporter import Reporter
from ._results import (
    RESULTS_SCHEMA_VERSION,
    CaseResult,
    ResultsFileError,
    RunResults,
    Selection,
    fixture_set_digest,
    read_results_file,
    results_schema,
    versions,
)
from ._run import HostUnavailable, RunOptions, execute_case, planned_jobs, run_suite, select
from ._verdict import VERDICTS, profile_verdict, verdicts
from ._verify import verify_results

__all__ = [
    "BAD",
    "ORDER",
    "PROGRESS_CHAR",
    "RESULTS_SCHEMA_VERSION",
    "VERDICTS",
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
    "Reporter",
    "ResultsFileError",
    "RunOptions",
    "RunResults",
    "Selection",
    "apply",
    "compile_cached",
    "compute_coverage",
    "corpus_identities",
    "discover",
    "error_line",
    "execute_case",
    "exit_code",
    "fixture_paths",
    "fixture_set_digest",
    "function_exports",
    "judge",
    "load_expectations",
    "load_fixture",
    "load_hard_values",
    "matching_stems",
    "parse_header",
    "planned_jobs",
    "profile_verdict",
    "read_results_file",
    "render_table",
    "results_schema",
    "run_case",
    "run_suite",
    "select",
    "summary",
    "verdicts",
    "verify_results",
    "versions",
]
