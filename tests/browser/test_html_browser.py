"""The HTML report in a real browser: headless Chromium, driven by Selenium and chromedriver.

The page must load without a console error (its Content-Security-Policy allows exactly the
filter script, so a script the policy refuses shows up here), the filter must hide and show
rows and count provisions as the page does, and a screenshot is kept under `.artifacts/`
(git-ignored; `PLANLENS_ARTIFACTS` names another folder). Skipped, with the reason, where
Debian's `chromium` and `chromium-driver` are not installed (`.ci/run` installs them).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from planlens.comparison.build import compare
from planlens.comparison.model import Comparison
from planlens.corpus.load import load_corpus
from planlens.report import render
from tests.conftest import BUNDLED, REPO

pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1280,1600",
)  # fmt: skip
"""Chromium as root in a container, offline, with nothing running in the background."""


def artifacts() -> Path:
    """Where screenshots are kept after the test run."""
    folder = Path(os.environ.get("PLANLENS_ARTIFACTS", REPO / ".artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    """A headless Chromium that records the console."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).is_file()]
    if missing:
        pytest.skip(
            f"not installed: {', '.join(missing)} "
            "(apt-get install chromium chromium-driver; .ci/run does it)"
        )
    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = WebDriver(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: WebDriver, comparison: Comparison, path: Path) -> list[dict[str, str]]:
    """Load the comparison's HTML report; the console messages it produced."""
    path.write_text(render(comparison, "html"), encoding="utf-8")
    browser.get(path.resolve().as_uri())
    messages: list[dict[str, str]] = browser.get_log("browser")  # type: ignore[no-untyped-call]
    return messages


def _shown_rows(browser: WebDriver) -> list[str]:
    rows = browser.find_elements(By.CSS_SELECTOR, "tr[data-changes]")
    return [row.get_attribute("data-changes") or "" for row in rows if row.is_displayed()]


@pytest.mark.parametrize("versions", [["us-28", "ua-20"], ["us-28", "geneva-19", "ua-20"]])
def test_report_runs_its_filter_without_console_errors(
    browser: WebDriver, tmp_path: Path, versions: list[str]
) -> None:
    comparison = compare(load_corpus([BUNDLED]), versions)
    console = _open(browser, comparison, tmp_path / "report.html")
    errors = [entry for entry in console if entry.get("level") == "SEVERE"]
    assert errors == [], errors

    form = browser.find_element(By.ID, "filters")
    assert form.is_displayed(), "the filter script did not run (refused by the CSP?)"
    count = browser.find_element(By.ID, "filter-count")
    total = len(comparison.rows)
    assert count.text == f"{total} of {total} provisions shown"
    every_row = _shown_rows(browser)

    Select(form.find_element(By.NAME, "change")).select_by_value("modified")
    modified = _shown_rows(browser)
    assert modified and len(modified) < len(every_row)
    assert all("modified" in changes.split() for changes in modified)
    with_modified = {
        row.index for row in comparison.rows if any(d.change == "modified" for d in row.pairs)
    }
    assert count.text == f"{len(with_modified)} of {total} provisions shown"

    Select(form.find_element(By.NAME, "change")).select_by_value("")
    assert _shown_rows(browser) == every_row
    assert count.text == f"{total} of {total} provisions shown"

    screenshot = artifacts() / f"report-{'-'.join(versions)}.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000
