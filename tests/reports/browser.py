"""Debian's chromium driven through chromium-driver (Selenium), for the HTML report and matrix tests.

Why the system browser: it is what scripts/setup.sh installs from Debian; nothing is downloaded at test
time. Screenshots are kept under out/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "out" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
WINDOW = (1280, 1400)
ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    f"--window-size={WINDOW[0]},{WINDOW[1]}",
)


@contextlib.contextmanager
def chromium(javascript: bool = True) -> Iterator[webdriver.Chrome]:
    driver_path = shutil.which("chromedriver")
    assert Path(CHROMIUM).exists() and driver_path, "chromium/chromium-driver missing: run scripts/setup.sh"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ARGS:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    try:
        yield driver
    finally:
        driver.quit()


def console_errors(driver: webdriver.Chrome) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


def screenshot(driver: webdriver.Chrome, name: str) -> Path:
    """A full-page screenshot (the window resized to the document's height) kept as a test artifact."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight") if _js(driver) else WINDOW[1]
    driver.set_window_size(WINDOW[0], min(int(height), 6000))
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def _js(driver: webdriver.Chrome) -> bool:
    try:
        return driver.execute_script("return true") is True
    except Exception:
        return False
