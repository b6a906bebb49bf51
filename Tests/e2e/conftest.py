"""Shared fixtures for the browser tests (pytest + Selenium + headless Chromium).

scripts/test starts the server and sets:
  HOTLISTWATCH_BASE_URL   e.g. http://127.0.0.1:41234  (required)
  HOTLISTWATCH_E2E_LABEL  backend name used to prefix screenshots (default "sqlite")

Screenshots of every step, and of the page at any failure, go to .build/e2e/
under the repository root, so a person can look at what the tests saw.
"""

import os
import pathlib
import re
import urllib.error
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPO_ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / ".build" / "e2e"
LABEL = os.environ.get("HOTLISTWATCH_E2E_LABEL", "sqlite")

# Debian's chromium and chromium-driver packages. Passing both paths explicitly
# keeps Selenium Manager from trying to download a browser or driver (no
# network here, and we want the distro build anyway).
CHROMIUM = os.environ.get("HOTLISTWATCH_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("HOTLISTWATCH_CHROMEDRIVER", "/usr/bin/chromedriver")


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("HOTLISTWATCH_BASE_URL", "").strip()
    if not url:
        # Fail rather than skip: an all-skipped run would look green in CI.
        pytest.fail("HOTLISTWATCH_BASE_URL is not set; run the browser tests via scripts/test",
                    pytrace=False)
    return url.rstrip("/")


@pytest.fixture(scope="session")
def driver():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    options = Options()
    options.binary_location = CHROMIUM
    # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    # --disable-dev-shm-usage: containers often have a tiny /dev/shm.
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en-US"):
        options.add_argument(arg)
    service = Service(executable_path=CHROMEDRIVER,
                      log_output=str(ARTIFACTS / f"{LABEL}-chromedriver.log"))
    drv = webdriver.Chrome(options=options, service=service)
    drv.set_window_size(1280, 900)
    drv.set_page_load_timeout(60)
    yield drv
    drv.quit()


class _Shots:
    """Numbered screenshots: .build/e2e/<label>-01-home.png, -02-..., in run order."""

    def __init__(self, drv):
        self.driver = drv
        self.n = 0

    def __call__(self, step):
        self.n += 1
        slug = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        path = ARTIFACTS / f"{LABEL}-{self.n:02d}-{slug}.png"
        self.driver.save_screenshot(str(path))
        return path


@pytest.fixture(scope="session")
def shot(driver):
    for old in ARTIFACTS.glob(f"{LABEL}-*.png"):
        old.unlink()  # stale pictures from an earlier run would mislead
    return _Shots(driver)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failing test, keep a screenshot and the HTML of whatever page the browser shows."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    drv = item.funcargs.get("driver")
    if drv is None:
        return
    stem = ARTIFACTS / f"{LABEL}-FAILED-{item.name}"
    try:
        drv.save_screenshot(f"{stem}.png")
        pathlib.Path(f"{stem}.html").write_text(drv.page_source, encoding="utf-8")
        report.sections.append(("browser", f"at {drv.current_url}; saved {stem}.png and .html"))
    except Exception as exc:  # the browser itself may be what broke
        report.sections.append(("browser", f"could not save failure artifacts: {exc}"))


def _http_get(url, timeout=30):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


@pytest.fixture(scope="session")
def http_get():
    """A plain GET returning (status, body): Selenium cannot see HTTP status codes."""
    return _http_get
