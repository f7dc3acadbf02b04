"""Charts have a size and fit the viewport at phone, tablet and desktop widths."""
import pytest

from conftest import SAMPLE_PAGES, WIDTHS, load, set_width

CHARTS = "svg.chart-svg, svg.sparkline, svg.spark, svg.heatmap"

MEASURE = """
const sel = arguments[0];
const vw = window.innerWidth;
const out = {vw, scrollWidth: document.documentElement.scrollWidth, charts: [], wide: [], scrolledAway: 0, inDom: document.querySelectorAll(sel).length};
for (const el of document.querySelectorAll(sel)) {
  const cs = getComputedStyle(el);
  // Hidden copies (each chart is drawn at several widths, one shown) have no boxes.
  if (el.getClientRects().length === 0 || cs.visibility === 'hidden') continue;
  const r = el.getBoundingClientRect();
  // A chart inside a scrolling box (e.g. a wide table that scrolls sideways on
  // a phone) is checked where it shows: clipped to that box, which must fit.
  let left = r.left, right = r.right, clip = null;
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    if (/^(auto|scroll|hidden|clip)$/.test(getComputedStyle(a).overflowX)) {
      const b = a.getBoundingClientRect();
      left = Math.max(left, b.left); right = Math.min(right, b.right);
      clip = clip || a.tagName.toLowerCase() + '.' + a.className;
    }
  }
  if (clip && right <= left) { out.scrolledAway++; continue; }  // only shows when its box is scrolled
  const label = (el.querySelector('title') || {}).textContent || el.getAttribute('aria-label') || '';
  out.charts.push({cls: el.getAttribute('class'), label: label.slice(0, 60),
                   left: left + scrollX, right: right + scrollX, width: r.width, height: r.height, clip});
}
// What sticks out on the right, to say where an overflow comes from.
if (out.scrollWidth > vw) {
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right + scrollX > vw + 0.5) {
      out.wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                    + ` right=${Math.round(r.right + scrollX)}`);
      if (out.wide.length >= 8) break;
    }
  }
}
return out;
"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_charts_fit_viewport(browser, path, width):
    set_width(browser, width)
    load(browser, path)
    m = browser.execute_script(MEASURE, CHARTS)
    problems = []
    if m["scrollWidth"] > m["vw"]:
        problems.append(
            f"page overflows horizontally: scrollWidth {m['scrollWidth']} > innerWidth {m['vw']}; "
            f"widest: {', '.join(m['wide'])}"
        )
    for c in m["charts"]:
        where = f"svg.{c['cls']} '{c['label']}'"
        if c["width"] <= 0 or c["height"] <= 0:
            problems.append(f"{where} has size {c['width']}x{c['height']}")
        if c["left"] < -0.5 or c["right"] > m["vw"] + 0.5:
            problems.append(f"{where} spans x={c['left']:.1f}..{c['right']:.1f}, outside 0..{m['vw']}"
                            + (f" (clipped by {c['clip']})" if c["clip"] else ""))
    if m["scrolledAway"]:
        print(f"{path} at {width}px: {m['scrolledAway']} charts sit in a sideways-scrolling box, out of view until scrolled")
    assert m["vw"] == width, f"viewport is {m['vw']} px, wanted {width}"
    if m["inDom"]:
        assert m["charts"] or m["scrolledAway"], f"{path} at {width}px: {m['inDom']} charts in the page, none visible"
    assert not problems, f"{path} at {width}px:\n  " + "\n  ".join(problems)
