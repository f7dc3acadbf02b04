"""The built site works opened straight from disk (file://), with no server and
no setting: every page gets its stylesheets, and every sidebar link opens a
page (not a folder listing) that has them too."""
import pytest

from conftest import SAMPLE_PAGES, SITE_DIR

STYLED = "return getComputedStyle(document.documentElement).getPropertyValue('--series-1').trim()"


def file_url(path):
    return (SITE_DIR / path.lstrip("/") / "index.html").resolve().as_uri()


@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_page_opened_from_disk_is_styled_and_its_links_open_pages(browser, path):
    browser.get(file_url(path))
    assert browser.execute_script(STYLED), f"{path}: no stylesheet when opened from disk"
    links = browser.execute_script(
        "return [...document.querySelectorAll('nav.sidebar a[href]')].map(a => a.href)"
    )
    assert links, f"{path}: no sidebar links"
    problems = []
    for link in links:
        assert link.startswith("file://"), f"{path}: {link} leaves the folder"
        browser.get(link)
        if not browser.current_url.endswith(".html") or not browser.execute_script(STYLED):
            problems.append(f"{link} → {browser.current_url} is not a styled page")
        elif not browser.find_elements("css selector", "main h1"):
            problems.append(f"{link} has no page heading")
    assert not problems, f"{path}:\n  " + "\n  ".join(problems)
