"""Full-page screenshots of the demo for README, written to
DBAG_SCREENSHOT_DIR (default: docs/screenshots)."""
import base64
import os
from pathlib import Path

import pytest

from conftest import ALL_PAGES, load, set_scheme, set_width

OUT = Path(os.environ.get("DBAG_SCREENSHOT_DIR", Path(__file__).resolve().parents[2] / "docs" / "screenshots"))

SHOTS = [
    ("index-light.png", "/", 1280, "light"),
    ("index-dark.png", "/", 1280, "dark"),
    ("index-phone.png", "/", 375, "light"),
    ("index-phone-dark.png", "/", 375, "dark"),
    ("product-light.png", "/product/", 1280, "light"),
    ("product-dark.png", "/product/", 1280, "dark"),
]


@pytest.mark.parametrize("name,path,width,scheme", SHOTS, ids=[s[0] for s in SHOTS])
def test_screenshot(browser, name, path, width, scheme):
    if path not in ALL_PAGES:
        pytest.skip(f"{path} is not in the demo site")
    set_scheme(browser, scheme)
    set_width(browser, width)
    load(browser, path)
    height = browser.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    set_width(browser, width, height)  # the whole page in one viewport: no fixed-position repeats
    load(browser, path)
    shot = browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
    OUT.mkdir(parents=True, exist_ok=True)
    data = base64.b64decode(shot["data"])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    (OUT / name).write_bytes(data)
    print(f"wrote {OUT / name} ({width}x{height}, {scheme})")
