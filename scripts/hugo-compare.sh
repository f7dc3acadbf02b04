#!/usr/bin/env bash
# Times dbag against Hugo on the same 1,000 pages, in two shapes:
#   plain   1,000 Markdown pages of text (headings, paragraphs, a list), no charts;
#   charts  the same pages, each with 10 line charts of 365 daily values
#           (dbag: ::chart{metric=… period=365d}; Hugo: a chart shortcode that
#           draws an SVG polyline from a data file of the same values).
# Hugo runs twice per shape: bare (each page alone) and with a sidebar listing
# every page (partialCached, as a Hugo user would write it; dbag's theme always
# has its sidebar). Median/min/max of RUNS runs by hyperfine (default 5).
#   scripts/hugo-compare.sh [DBAG_BINARY] [RUNS]
# Needs: hugo, hyperfine, python3. DBAG_BINARY defaults to .build/release/dbag.
set -euo pipefail
cd "$(dirname "$0")/.."
dbag=$(realpath "${1:-.build/release/dbag}")
runs=${2:-5}
[ -x "$dbag" ] || { echo "no dbag binary at $dbag (swift build -c release --product dbag)" >&2; exit 1; }
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/dbag-hugo.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'EOF'
import json, os, sys
root = sys.argv[1]
pages, metrics, days = 1000, 100, 365
body = """Numbers from the week, with notes on what moved and why.

## What changed

The sign-up flow lost a step, and **conversion** rose. Support tickets fell
after the help pages were rewritten; see the [guide](https://example.org/guide)
for details.

- active accounts grew steadily
- build time held under ten minutes
- the error budget was not spent

## Next

Keep the new flow, watch the queue, and revisit the *targets* next month.
"""
def values(m):
    return [100 + m + d % 17 + d // 3 for d in range(days)]

for shape in ("plain", "charts"):
    # dbag project
    d = os.path.join(root, shape, "dbag")
    os.makedirs(os.path.join(d, "dashboards"))
    with open(os.path.join(d, "dbag.yml"), "w") as f:
        f.write("title: Compare\n")
        if shape == "charts":
            f.write("metrics:\n")
        for m in range(metrics if shape == "charts" else 0):
            f.write(f"  m{m}:\n    name: Metric {m}\n")
    with open(os.path.join(root, shape, "values.csv"), "w") as f:
        f.write("metric,key,day,value\n")
        if shape == "charts":
            for m in range(metrics):
                for i, v in enumerate(values(m)):
                    # 2025-01-01 + i days
                    import datetime
                    day = datetime.date(2025, 1, 1) + datetime.timedelta(days=i)
                    f.write(f"m{m},,{day.isoformat()},{v}\n")
    # Hugo project
    h = os.path.join(root, shape, "hugo")
    os.makedirs(os.path.join(h, "content"))
    os.makedirs(os.path.join(h, "data"))
    with open(os.path.join(h, "config.toml"), "w") as f:
        f.write('baseURL = "https://example.org/"\ntitle = "Compare"\n'
                'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')
    if shape == "charts":
        for m in range(metrics):
            with open(os.path.join(h, "data", f"m{m}.json"), "w") as f:
                json.dump(values(m), f)
    # The chart shortcode: scale 365 values into a 600×200 SVG polyline, with the
    # latest value as text.
    shortcode = """{{- $data := index .Site.Data (.Get "metric") -}}
{{- $min := index $data 0 -}}{{- $max := index $data 0 -}}
{{- range $data -}}{{- if lt . $min -}}{{- $min = . -}}{{- end -}}{{- if gt . $max -}}{{- $max = . -}}{{- end -}}{{- end -}}
{{- $n := sub (len $data) 1 -}}{{- $span := sub $max $min -}}{{- if eq $span 0 -}}{{- $span = 1 -}}{{- end -}}
<figure class="chart"><figcaption>{{ .Get "metric" }}: {{ index $data $n }}</figcaption>
<svg viewBox="0 0 600 200" role="img"><polyline fill="none" stroke="currentColor" points="
{{- range $i, $v := $data -}}{{- printf "%.1f,%.1f " (div (mul $i 600.0) $n) (sub 200.0 (div (mul (sub $v $min) 200.0) $span)) -}}{{- end -}}
"/></svg></figure>
"""
    for variant, side in (("bare", ""), ("sidebar", '{{ partialCached "sidebar.html" . }}')):
        L = os.path.join(h, f"layouts-{variant}")
        for sub in ("_default", "shortcodes", "partials"):
            os.makedirs(os.path.join(L, sub))
        files = {
            "shortcodes/chart.html": shortcode,
            "partials/sidebar.html": '<nav><ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>\n',
            "_default/single.html": '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
                                    f'<body>{side}<main><h1>{{{{ .Title }}}}</h1>{{{{ .Content }}}}</main></body></html>\n',
            "index.html": '<!DOCTYPE html><html><body><ul>{{ range .Site.RegularPages }}<li>{{ .Title }}</li>{{ end }}</ul></body></html>\n',
            "_default/list.html": '<!DOCTYPE html><html><body>{{ .Title }}</body></html>\n',
        }
        for name, text in files.items():
            with open(os.path.join(L, name), "w") as f:
                f.write(text)
    for p in range(pages):
        charts_md = charts_hugo = ""
        if shape == "charts":
            ms = [(p * 7 + k * 13) % metrics for k in range(10)]
            charts_md = "\n".join(f"::chart{{metric=m{m} period=365d}}" for m in ms) + "\n"
            charts_hugo = "\n".join(f'{{{{< chart metric="m{m}" >}}}}' for m in ms) + "\n"
        with open(os.path.join(d, "dashboards", f"page-{p}.md"), "w") as f:
            f.write(f"---\ntitle: Page {p}\n---\n{body}\n{charts_md}")
        with open(os.path.join(h, "content", f"page-{p}.md"), "w") as f:
            f.write(f'---\ntitle: "Page {p}"\n---\n{body}\n{charts_hugo}')
    with open(os.path.join(d, "dashboards", "index.md"), "w") as f:
        f.write("# Home\n")
EOF

( cd "$work/charts/dbag" && "$dbag" import "$work/charts/values.csv" >/dev/null )
# A fixed "now" after the data, so staleness and windows never move.
export SOURCE_DATE_EPOCH=$(date -d 2025-12-31 +%s)

echo "dbag: $dbag ($("$dbag" --version 2>/dev/null || echo '?')); $(hugo version | cut -d' ' -f1-2); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +'%Y-%m-%d %H:%M UTC')"
echo
echo "| pages | tool | median | min | max |"
echo "| --- | --- | --- | --- | --- |"
for shape in plain charts; do
  p=$work/$shape
  commands=(
    "dbag" "cd $p/dbag && $dbag build --out $p/out-dbag"
    "Hugo, bare" "hugo --quiet -s $p/hugo -d $p/out-bare --layoutDir layouts-bare"
    "Hugo, sidebar" "hugo --quiet -s $p/hugo -d $p/out-sidebar --layoutDir layouts-sidebar"
  )
  for ((i = 0; i < ${#commands[@]}; i += 2)); do
    name=${commands[i]} command=${commands[i+1]}
    rm -rf "$p/out-dbag" "$p/out-bare" "$p/out-sidebar"
    bash -c "$command" >/dev/null || { echo "failed: $command" >&2; exit 1; }
    hyperfine --runs "$runs" --warmup 1 --style none --export-json "$work/run.json" \
      --prepare "rm -rf $p/out-dbag $p/out-bare $p/out-sidebar" "$command" >/dev/null
    python3 - "$work/run.json" "$shape" "$name" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]["times"]
print(f"| 1,000 {sys.argv[2]} | {sys.argv[3]} | {statistics.median(r):.2f} s | {min(r):.2f} s | {max(r):.2f} s |")
PY
  done
done
