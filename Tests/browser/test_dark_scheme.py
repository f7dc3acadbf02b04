"""In the dark scheme (prefers-color-scheme: dark, emulated through CDP), text
has a WCAG contrast ratio of at least 4.5 (3 for large text) against what is
behind it, and chart lines at least 3 against their panel."""
import pytest

from conftest import SAMPLE_PAGES, load, set_scheme

TEXT_MIN, LARGE_TEXT_MIN, LINE_MIN = 4.5, 3.0, 3.0

COLLECT = r"""
function parse(c) {
  const m = c && c.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(parseFloat);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
}
function over(top, under) {  // alpha-composite top over an opaque colour
  const a = top.a;
  return {r: top.r * a + under.r * (1 - a), g: top.g * a + under.g * (1 - a), b: top.b * a + under.b * (1 - a), a: 1};
}
function background(el) {  // the opaque colour behind el, compositing translucent layers
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
  }
  let bg = {r: 255, g: 255, b: 255, a: 1};  // the canvas
  for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
  return bg;
}
function opacity(el) {
  let o = 1;
  for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
  return o;
}
function lum(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function ratio(a, b) { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
function hex(c) { return '#' + [c.r, c.g, c.b].map(v => Math.round(v).toString(16).padStart(2, '0')).join(''); }
function visible(el) {
  if (el.getClientRects().length === 0) return false;
  const cs = getComputedStyle(el);
  return cs.visibility !== 'hidden' && cs.display !== 'none';
}
function describe(el) {
  const cls = el.getAttribute('class');
  return el.tagName.toLowerCase() + (cls ? '.' + cls.trim().split(/\s+/).join('.') : '');
}

const out = {pageBg: hex(background(document.body)), bodyRatio: 0, text: [], lines: [], nText: 0, nLines: 0};
out.bodyRatio = ratio(parse(getComputedStyle(document.body).color), background(document.body));

// Every element with its own visible text.
for (const el of document.body.querySelectorAll('*')) {
  if (!visible(el)) continue;
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || el.closest('title, style, script')) continue;
  const cs = getComputedStyle(el);
  const isSvg = el instanceof SVGElement;
  let fg = parse(isSvg ? (cs.fill.startsWith('rgb') ? cs.fill : cs.color) : cs.color);
  if (!fg) continue;
  const bg = background(el);
  fg = over({...fg, a: fg.a * opacity(el) * (isSvg ? parseFloat(cs.fillOpacity) : 1)}, bg);
  const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  const r = ratio(fg, bg);
  out.nText++;
  out.text.push({el: describe(el), text: el.textContent.trim().slice(0, 40), fg: hex(fg), bg: hex(bg), ratio: r, large});
}

// Chart lines: series lines of charts and sparklines.
for (const p of document.querySelectorAll('svg.chart-svg path, svg.chart-svg polyline, svg.chart-svg line, svg.sparkline path, svg.spark path')) {
  const svg = p.ownerSVGElement;
  if (!visible(svg)) continue;
  const cls = p.getAttribute('class') || '';
  if (/\b(grid|baseline|axis|tick)\b/.test(cls) || p.closest('.grid, .axis')) continue;  // guides, not data
  const cs = getComputedStyle(p);
  if (!cs.stroke || cs.stroke === 'none') continue;
  let stroke = cs.stroke === 'currentcolor' || cs.stroke === 'currentColor' ? cs.color : cs.stroke;
  let c = parse(stroke);
  if (!c) continue;
  const bg = background(svg);
  c = over({...c, a: c.a * parseFloat(cs.strokeOpacity) * opacity(p)}, bg);
  out.nLines++;
  out.lines.push({el: describe(p), chart: (svg.querySelector('title') || {}).textContent || describe(svg), fg: hex(c), bg: hex(bg), ratio: ratio(c, bg)});
}
return out;
"""


@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_dark_scheme_contrast(browser, path):
    set_scheme(browser, "light")
    load(browser, path)
    light = browser.execute_script(COLLECT)
    set_scheme(browser, "dark")
    load(browser, path)
    dark = browser.execute_script(COLLECT)

    assert dark["pageBg"] != light["pageBg"], f"{path}: page background is {dark['pageBg']} in both schemes"
    problems = []
    if dark["bodyRatio"] < TEXT_MIN:
        problems.append(f"body text vs page background: {dark['bodyRatio']:.2f} < {TEXT_MIN}")
    for t in dark["text"]:
        need = LARGE_TEXT_MIN if t["large"] else TEXT_MIN
        if t["ratio"] < need:
            problems.append(f"text {t['el']} '{t['text']}': {t['fg']} on {t['bg']} = {t['ratio']:.2f} < {need}")
    for ln in dark["lines"]:
        if ln["ratio"] < LINE_MIN:
            problems.append(f"line {ln['el']} in '{ln['chart'][:50]}': {ln['fg']} on {ln['bg']} = {ln['ratio']:.2f} < {LINE_MIN}")
    print(f"{path}: dark page {dark['pageBg']}, {dark['nText']} text elements, {dark['nLines']} chart lines checked")
    # One report per distinct problem: the same colours repeat across panels.
    problems = list(dict.fromkeys(problems))
    assert not problems, f"{path} (dark): {len(problems)} low-contrast items:\n  " + "\n  ".join(problems[:40])
