"""Fixtures for the browser suite: the served demo site and a headless Chromium.

Run through run.sh, which builds the site and sets DBAG_SITE_DIR and
DBAG_SITE_URL (an http://127.0.0.1:PORT server). Chromium may reach nothing
but 127.0.0.1.
"""
import json
import os
import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

SITE_DIR = Path(os.environ.get("DBAG_SITE_DIR", ""))
SITE_URL = os.environ.get("DBAG_SITE_URL", "").rstrip("/")
WIDTHS = (375, 1024, 1600)
PAGE_TIMEOUT = 30


def _pages():
    """URL paths of every index.html in the site: '/', '/product/', ..."""
    if not SITE_DIR.is_dir():
        return []
    paths = []
    for f in sorted(SITE_DIR.rglob("index.html")):
        rel = f.parent.relative_to(SITE_DIR).as_posix()
        paths.append("/" if rel == "." else f"/{rel}/")
    return paths


ALL_PAGES = _pages()


def _representative(pages):
    """Top-level pages plus two object pages (e.g. two customers)."""
    top = [p for p in pages if p.count("/") <= 2]
    deeper = [p for p in pages if p.count("/") > 2]
    return top + deeper[:2]


SAMPLE_PAGES = _representative(ALL_PAGES)


def pytest_configure(config):
    if not SITE_URL or not ALL_PAGES:
        raise pytest.UsageError(
            "run the browser suite with `bash Tests/browser/run.sh` "
            "(DBAG_SITE_DIR / DBAG_SITE_URL are not set or the site has no pages)"
        )


def _chrome_options():
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
    for arg in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=1280,900",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-sync",
        "--metrics-recording-only",
        "--font-render-hinting=none",
        # Nothing but the local test server: every other host fails to resolve.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--lang=en-US",
    ):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return opts


@pytest.fixture(scope="session")
def driver():
    service = Service(os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    drv = webdriver.Chrome(service=service, options=_chrome_options())
    drv.set_page_load_timeout(PAGE_TIMEOUT)
    drv.set_script_timeout(PAGE_TIMEOUT)
    drv.execute_cdp_cmd("Network.enable", {})
    yield drv
    drv.quit()


@pytest.fixture
def browser(driver):
    """The session's browser, reset to light scheme and 1280 px after each test."""
    yield driver
    set_scheme(driver, "light")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def url(path):
    return SITE_URL + path


def set_scheme(drv, scheme):
    drv.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )


def set_width(drv, width, height=900):
    drv.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def load(drv, path):
    """Load a page and wait until it, its fonts and its images are done."""
    drv.get(url(path))
    nav = drv.execute_script(
        "const n = performance.getEntriesByType('navigation')[0];"
        "return {href: location.href, status: n ? n.responseStatus : null};"
    )
    assert nav["href"].startswith(SITE_URL + "/") and nav["status"] == 200, (
        f"{path} did not load from the test server: {nav['href']} (HTTP {nav['status']})"
    )
    drv.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));"
    )


def drain_logs(drv):
    """Browser console and performance (network) log entries since the last call."""
    console = drv.get_log("browser")
    perf = [json.loads(e["message"])["message"] for e in drv.get_log("performance")]
    return console, perf
