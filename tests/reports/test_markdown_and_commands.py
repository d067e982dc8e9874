"""report.md, `list` and `explain`."""

from __future__ import annotations

import pytest

from conformance.cli import main
from conformance.reports import render_markdown
from conformance.runner import Outcome
from conformance.runner._fixture import fixture_paths
from tests.reports import sample
from tests.runner.helpers import CORPUS


def test_report_lists_every_case_that_did_not_pass_with_clause_text_and_rerun():
    text = render_markdown(sample.results())
    for outcome in Outcome:
        if outcome is not Outcome.PASS:
            assert f"### `start_training.{outcome}`: {outcome}" in text
    assert "| core | **not conformant** |" in text
    assert "- `hive/request-shape`: " in text and "Rerun: `ark-conformance run --host reference" in text
    # the ones that fail the run come first
    assert text.index("`start_training.fail`: fail") < text.index("`start_training.skip`: skip")


def test_a_partial_selection_is_said_in_the_report():
    text = render_markdown(sample.results([sample.case(Outcome.PASS)], pattern="start_*", corpus=74))
    assert "**1 passed** (partial selection: 1 of 74 fixtures (-k start_*))" in text
    assert "| core | **partial** |" in text


def test_stable_markdown_has_no_timings_timestamp_or_platform():
    stable, full = render_markdown(sample.results(), stable=True), render_markdown(sample.results())
    assert "seconds" not in stable and "started" not in stable and "0.010" not in stable
    assert "seconds" in full and "started 2026-01-01" in full


def test_list_shows_id_profile_clauses_title(capsys):
    assert main(["list", "--fixtures", str(CORPUS), "-k", "start_training.success"]) == 0
    (line,) = capsys.readouterr().out.strip().splitlines()
    assert line.startswith("start_training.success  core") and "ml-v2/start_training/hive-request" in line


def test_list_without_k_lists_the_corpus(capsys):
    assert main(["list", "--fixtures", str(CORPUS)]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == len(fixture_paths(CORPUS))


def test_explain_quotes_the_clauses_and_the_checks(capsys):
    assert main(["explain", "start_training.success", "--fixtures", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("start_training.success: ")
    assert "ml-v2/start_training/hive-request: The host sends POST /api/v1/experiments" in out
    assert "checks (journal records the guest must write):" in out and "ml__start_training -> Success" in out


@pytest.mark.parametrize(
    ("argv", "message"), [(["explain", "no.such"], "no fixture with id"), (["list", "-k", "zzz"], "no fixture matches")]
)
def test_unknown_ids_are_bad_input(argv, message, capsys):
    assert main([*argv, "--fixtures", str(CORPUS)]) == 2
    assert message in capsys.readouterr().err


def test_errored_cases_get_their_own_line_everywhere():
    import io

    from conformance.reports import TerminalReporter, render_html

    run = sample.results([sample.case(Outcome.PASS), sample.case(Outcome.ERROR)])
    line = "1 case errored: the fixture or the suite is at fault, not the host"
    assert line in render_markdown(run) and line in render_html(run)
    out = io.StringIO()
    TerminalReporter(io.StringIO(), out).run_done(run)
    assert line in out.getvalue()
    assert render_markdown(sample.results([sample.case(Outcome.CRASH)])).count("errored") == 0
