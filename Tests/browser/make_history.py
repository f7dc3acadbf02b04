#!/usr/bin/env python3
"""Fallback demo history when `dbag fake` is missing.

Reads today's values (`dbag export` CSV on stdin: metric,key,day,value) and
writes a deterministic, plausible history of DAYS days before them as CSV on
stdout, for `dbag import`. Metrics that are only ever pushed (no collector)
get a history from PUSHED when they are in the project.
"""
import csv
import datetime as dt
import random
import sys

DAYS = int(sys.argv[1]) if len(sys.argv) > 1 else 400
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 1
PUSHED = {"build-seconds": 540.0, "revenue": 42000.0}  # only if the project has them
known = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else set()

rng = random.Random(SEED)
rows = list(csv.DictReader(sys.stdin))
latest = {}
for r in rows:
    k = (r["metric"], r["key"])
    if k not in latest or r["day"] > latest[k][0]:
        latest[k] = (r["day"], float(r["value"]))
today = max((d for d, _ in latest.values()), default=dt.date.today().isoformat())
for slug, value in PUSHED.items():
    if slug in known and (slug, "") not in latest:
        latest[(slug, "")] = (today, value)

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["metric", "key", "day", "value"])
for (metric, key), (day, value) in sorted(latest.items()):
    end = dt.date.fromisoformat(day)
    is_int = float(value).is_integer() and value > 1
    is_rate = 0 <= value <= 1 and not is_int
    v = value
    series = []
    # Walk backwards from today's value, drifting down slightly (growth).
    for i in range(1, DAYS + 1):
        v = v * (1 - 0.002 + rng.gauss(0, 0.02))
        if is_rate:
            v = min(max(v, 0.0), 1.0)
        series.append((end - dt.timedelta(days=i), v))
    for d, x in reversed(series):
        x = round(x) if is_int else round(x, 4)
        out.writerow([metric, key, d.isoformat(), x])
    if (metric, key) not in {(r["metric"], r["key"]) for r in rows}:
        out.writerow([metric, key, day, round(value) if is_int else value])
