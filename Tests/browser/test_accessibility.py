"""axe-core finds no serious or critical violations, in the light scheme on
every page and in the dark scheme on the representative pages. All
violations are printed."""
import importlib.util
import os

import pytest

from conftest import ALL_PAGES, SAMPLE_PAGES, load, set_scheme

_spec = importlib.util.find_spec("axe_playwright_python")
AXE_JS = os.path.join(_spec.submodule_search_locations[0], "axe.min.js") if _spec else None


@pytest.fixture(scope="session")
def axe_source():
    assert AXE_JS and os.path.exists(AXE_JS), (
        "axe.min.js not found: pip install --no-deps axe-playwright-python==0.1.8"
    )
    with open(AXE_JS, encoding="utf-8") as f:
        return f.read()


def run_axe(drv, source):
    drv.execute_script(source)
    return drv.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done({version: axe.version, violations: r.violations}))"
        ".catch(e => done({error: String(e)}));"
    )


def check(drv, source, path, scheme):
    set_scheme(drv, scheme)
    load(drv, path)
    result = run_axe(drv, source)
    assert "error" not in result, f"axe failed on {path}: {result['error']}"
    bad = []
    for v in result["violations"]:
        targets = "; ".join(
            f"{' '.join(n['target'])}" + (f" ({n['failureSummary'].splitlines()[-1].strip()})" if n.get("failureSummary") else "")
            for n in v["nodes"][:5]
        )
        line = f"[{v['impact']}] {v['id']}: {v['help']} — {len(v['nodes'])} node(s): {targets}"
        print(f"{path} ({scheme}, axe {result['version']}): {line}")
        if v["impact"] in ("serious", "critical"):
            bad.append(line)
    assert not bad, f"{path} ({scheme}): serious/critical axe violations:\n  " + "\n  ".join(bad)


@pytest.mark.parametrize("path", ALL_PAGES)
def test_axe_light(browser, axe_source, path):
    check(browser, axe_source, path, "light")


@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_axe_dark(browser, axe_source, path):
    check(browser, axe_source, path, "dark")
