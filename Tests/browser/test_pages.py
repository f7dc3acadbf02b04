"""Every page loads with no console errors, no failed requests and no request
leaving the local test server."""
import pytest

from conftest import ALL_PAGES, SITE_URL, drain_logs, load


@pytest.mark.parametrize("path", ALL_PAGES)
def test_page_loads_cleanly(browser, path):
    drain_logs(browser)
    load(browser, path)
    console, perf = drain_logs(browser)
    problems = []
    for entry in console:
        if entry["level"] in ("SEVERE", "ERROR"):
            problems.append(f"console {entry['level']}: {entry['message']}")
    urls = {}
    for msg in perf:
        method, params = msg["method"], msg.get("params", {})
        if method == "Network.requestWillBeSent":
            req_url = params["request"]["url"]
            urls[params["requestId"]] = req_url
            if not req_url.startswith((SITE_URL + "/", "data:", "about:")):
                problems.append(f"request outside the site: {req_url}")
        elif method == "Network.responseReceived":
            status = params["response"]["status"]
            if status >= 400:
                problems.append(f"HTTP {status}: {params['response']['url']}")
        elif method == "Network.loadingFailed":
            problems.append(
                f"request failed ({params.get('errorText')}): {urls.get(params['requestId'], params['requestId'])}"
            )
    title = browser.title
    assert title.strip(), f"{path}: empty <title>"
    assert not problems, f"{path}:\n  " + "\n  ".join(problems)
