"""`ark-conformance matrix`: hosts side by side, in Markdown and in a real browser."""

from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.by import By

from conformance.cli import main

from .browser import console_errors, screenshot


def test_markdown_matrix_has_a_column_per_host_and_a_row_per_fixture(faulty_dir, reference_dir, capsys):
    assert main(["matrix", str(faulty_dir / "results.json"), str(reference_dir / "results.json")]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if line.startswith("| import |"))
    assert header.endswith("| overwriting test host unknown | ark-ml-conformance reference host 0.1.0 |")
    canary = next(line for line in out.splitlines() if "`poll_future_training_handle.canary`" in line)
    assert canary.endswith("| fail | pass |")
    assert "| core | not conformant | not conformant |" in out  # the data fixtures include failing guests


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("{", "not a readable JSON file"), ('{"schema_version": "1.0"}', "schema version 2.0")],
)
def test_an_unusable_input_is_bad_input(content, message, tmp_path, capsys):
    path = tmp_path / "r.json"
    if content is not None:
        path.write_text(content)
    assert main(["matrix", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_a_tampered_input_is_refused_by_the_schema(faulty_results, tmp_path, capsys):
    data = dict(faulty_results, verdicts={"core": "great"})
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data))
    assert main(["matrix", str(path), "-o", str(tmp_path / "m.html")]) == 2
    assert "does not match the results schema" in capsys.readouterr().err


@pytest.mark.browser
def test_html_matrix_in_the_browser(faulty_dir, reference_dir, tmp_path, browser):
    page = tmp_path / "matrix.html"
    assert main(["matrix", str(faulty_dir / "results.json"), str(reference_dir / "results.json"), "-o", str(page)]) == 0
    browser.get(page.as_uri())
    assert console_errors(browser) == []
    hosts = browser.find_elements(By.CSS_SELECTOR, "#matrix th.host")
    assert [h.text.splitlines()[0] for h in hosts] == [
        "overwriting test host unknown",
        "ark-ml-conformance reference host 0.1.0",
    ]
    assert "core: not conformant" in hosts[0].text and "extended: conformant" in hosts[0].text
    row = browser.find_element(By.CSS_SELECTOR, 'tr[data-case="poll_future_training_handle.canary"]')
    cells = row.find_elements(By.CSS_SELECTOR, "td.cell")
    assert [c.get_attribute("data-outcome") for c in cells] == ["fail", "pass"]
    cells[0].find_element(By.TAG_NAME, "a").click()  # the outcome links to that host's diagnostic
    target = browser.find_element(By.ID, "h0-case-poll_future_training_handle.canary")
    assert target.get_attribute("open") is not None
    assert "canary after the slot, byte +0" in target.find_element(By.CSS_SELECTOR, "table.diagnostic").text
    screenshot(browser, "matrix-two-hosts")


def test_an_output_that_is_neither_html_nor_markdown_is_bad_input(faulty_dir, tmp_path, capsys):
    assert main(["matrix", str(faulty_dir / "results.json"), "-o", str(tmp_path / "m.pdf")]) == 2
    assert "must end in .html or .md" in capsys.readouterr().err
