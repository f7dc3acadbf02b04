"""Pages read right on a phone and a desktop: the title starts near the top
however short the page, nothing is cut off without a visible way to scroll to
it, and no text renders smaller than 11 px (SVG text measured as drawn, after
the viewBox has scaled it)."""
import pytest

from conftest import SAMPLE_PAGES, WIDTHS, load, set_width

MIN_TEXT_PX = 11.0
MAX_GAP_ABOVE_TITLE = 48  # px between the title and whatever sits above it (sidebar, page top)

HEADING = """
const h = document.querySelector('main h1') || document.querySelector('h1');
if (!h) return null;
const r = h.getBoundingClientRect();
let above = 0, what = 'page top';
for (const el of document.body.querySelectorAll('*')) {
  if (el.contains(h) || h.contains(el) || el.getClientRects().length === 0) continue;
  const b = el.getBoundingClientRect();
  if (b.width < 1 || b.height < 1 || b.right < 0) continue;
  if (b.bottom <= r.top + 0.5 && b.bottom > above) {
    above = b.bottom;
    what = el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  }
}
return {top: r.top + scrollY, gap: r.top - above, above: what, text: h.textContent.trim().slice(0, 40)};
"""

CLIPPED = """
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  if (el instanceof SVGElement || el.getClientRects().length === 0) continue;
  const cs = getComputedStyle(el);
  if (cs.overflowX === 'visible' || el.scrollWidth <= el.clientWidth + 1) continue;
  const border = parseFloat(cs.borderTopWidth) + parseFloat(cs.borderBottomWidth);
  const scrollbar = el.offsetHeight - el.clientHeight - border > 0.5;
  const shadow = /gradient/.test(cs.backgroundImage);
  const scrolls = cs.overflowX === 'auto' || cs.overflowX === 'scroll';
  if (scrolls && (scrollbar || shadow)) continue;
  out.push({el: el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : ''),
            overflow: cs.overflowX, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth,
            text: (el.textContent || '').trim().slice(0, 40)});
}
return out;
"""

TEXT_SIZES = """
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  if (el.closest('title, desc, style, script') || el.getClientRects().length === 0) continue;
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own) continue;
  const cs = getComputedStyle(el);
  if (cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) continue;
  const r = el.getBoundingClientRect();
  if (r.right < 0 || r.bottom < 0) continue;  // moved off screen on purpose (skip link)
  let px = parseFloat(cs.fontSize);
  if (el instanceof SVGElement && el.getScreenCTM()) {
    const m = el.getScreenCTM();
    px *= Math.sqrt(m.a * m.a + m.b * m.b);
  }
  out.push({el: el.tagName.toLowerCase() + (el.getAttribute('class') ? '.' + el.getAttribute('class').trim().split(/\\s+/).join('.') : ''),
            chart: (el.ownerSVGElement && el.ownerSVGElement.getAttribute('class')) || '',
            text: el.textContent.trim().slice(0, 30), px});
}
return out;
"""


@pytest.mark.parametrize("height", (900, 1600))
@pytest.mark.parametrize("width", (375, 1280))
@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_title_sits_near_the_top(browser, path, width, height):
    set_width(browser, width, height)
    load(browser, path)
    h = browser.execute_script(HEADING)
    assert h, f"{path}: no <h1>"
    assert h["gap"] <= MAX_GAP_ABOVE_TITLE, (
        f"{path} at {width}x{height}: {h['gap']:.0f} px of blank space between {h['above']} and the title "
        f"'{h['text']}' (top at {h['top']:.0f} px); at most {MAX_GAP_ABOVE_TITLE}"
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_nothing_clipped_without_a_scroll_affordance(browser, path, width):
    set_width(browser, width)
    load(browser, path)
    clipped = browser.execute_script(CLIPPED)
    problems = [
        f"{c['el']} ('{c['text']}'): {c['scrollWidth']} px of content in {c['clientWidth']} px, overflow-x {c['overflow']}, "
        "no visible scrollbar or edge shadow" for c in clipped
    ]
    assert not problems, f"{path} at {width}px: content cut off with no visible way to scroll:\n  " + "\n  ".join(problems[:20])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_no_text_under_11px(browser, path, width):
    set_width(browser, width)
    load(browser, path)
    sizes = browser.execute_script(TEXT_SIZES)
    assert sizes, f"{path}: no text measured"
    small = [s for s in sizes if s["px"] < MIN_TEXT_PX - 0.05]
    problems = list(dict.fromkeys(
        f"{s['el']}{' in svg.' + s['chart'] if s['chart'] else ''} '{s['text']}': {s['px']:.1f} px" for s in small
    ))
    assert not problems, f"{path} at {width}px: {len(small)} texts under {MIN_TEXT_PX:g} px:\n  " + "\n  ".join(problems[:25])
