"""report.html in a real browser (Debian's chromium): loads cleanly, counts right, failures expand."""

from __future__ import annotations

from collections import Counter

import pytest
from selenium.webdriver.common.by import By

from conformance.runner._fixture import fixture_paths
from tests.runner.helpers import DATA

from .browser import chromium, console_errors, screenshot

pytestmark = pytest.mark.browser


def test_the_report_loads_without_console_errors_and_counts_right(browser, faulty_dir, faulty_results):
    browser.get((faulty_dir / "report.html").as_uri())
    assert console_errors(browser) == []
    counts = {
        el.get_attribute("data-outcome"): el.text for el in browser.find_elements(By.CSS_SELECTOR, "#counts .count")
    }
    expected = Counter(c["outcome"] for c in faulty_results["cases"])
    for outcome, n in expected.items():
        assert counts[outcome] == f"{n} {outcome}"
    assert counts["total"] == f"{len(faulty_results['cases'])} cases"
    verdicts = [el.text for el in browser.find_elements(By.CSS_SELECTOR, "#verdicts .verdict")]
    assert verdicts == ["core: not conformant", "extended: conformant"]
    rows = browser.find_elements(By.CSS_SELECTOR, "#cases tr[data-outcome]")
    assert len(rows) == len(faulty_results["cases"])


def test_failures_come_first_and_expand_to_their_diagnostic(browser, faulty_dir, faulty_results):
    browser.get((faulty_dir / "report.html").as_uri())
    details = browser.find_elements(By.CSS_SELECTOR, "details.case")
    assert [d.get_attribute("data-outcome") for d in details][:1] in (["fail"], ["timeout"], ["crash"])
    canary = browser.find_element(By.ID, "case-poll_future_training_handle.canary")
    diagnostic = canary.find_element(By.CSS_SELECTOR, "table.diagnostic")
    assert not diagnostic.is_displayed()
    canary.find_element(By.TAG_NAME, "summary").click()
    assert diagnostic.is_displayed()
    assert "canary after the slot, byte +0" in diagnostic.text
    assert canary.find_element(By.CSS_SELECTOR, "pre.rerun").text.startswith("ark-conformance run --host")
    screenshot(browser, "report-faulty-host")
    assert console_errors(browser) == []


def test_a_link_to_a_case_opens_its_diagnostic(browser, faulty_dir):
    browser.get((faulty_dir / "report.html").as_uri() + "#case-trap")
    assert browser.find_element(By.ID, "case-trap").get_attribute("open") is not None


def test_without_javascript_the_essentials_still_work(faulty_dir):
    with chromium(javascript=False) as driver:
        driver.get((faulty_dir / "report.html").as_uri())
        assert driver.find_element(By.ID, "scope").text == f"all {len(fixture_paths(DATA))} fixtures"
        assert driver.find_element(By.ID, "expand-all").is_displayed() is False  # a JS-only comfort stays hidden
        trap = driver.find_element(By.ID, "case-trap")
        trap.find_element(By.TAG_NAME, "summary").click()  # <details> expands natively
        assert "trap UNREACHABLE" in trap.find_element(By.CSS_SELECTOR, "table.diagnostic").text
        screenshot(driver, "report-no-javascript")


def test_a_conforming_run_says_every_case_passed(browser, tmp_path):
    from conformance.reports import render_html
    from conformance.runner import Outcome
    from tests.reports import sample

    page = tmp_path / "report.html"
    page.write_text(render_html(sample.results([sample.case(Outcome.PASS)])))
    browser.get(page.as_uri())
    assert console_errors(browser) == []
    assert (
        "Every case passed."
        in browser.find_element(By.ID, "failures").find_element(By.XPATH, "following-sibling::p").text
    )
    assert browser.find_element(By.CSS_SELECTOR, "#verdicts .verdict").text == "core: conformant"
