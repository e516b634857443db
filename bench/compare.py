#!/usr/bin/python3
"""Joins the two engines' JSON lines into a markdown table: median steps/s of all runs, and the ratio."""
import json, statistics, sys
from collections import defaultdict

rates = defaultdict(list)
spread = defaultdict(list)
for path in sys.argv[1:]:
    for line in open(path):
        r = json.loads(line)
        key = (r["model"], r["density"], r["engine"])
        rates[key].append(r["steps_per_s"])
        spread[key] += [r["min"], r["max"]]
print("| model | density | SparseDsl steps/s (min–max) | PyTorch steps/s (min–max) | SparseDsl / PyTorch |")
print("|---|---|---|---|---|")
for model, density in sorted({(m, d) for m, d, _ in rates}, key=lambda k: (k[0], -k[1])):
    s, p = rates[(model, density, "sparsedsl")], rates[(model, density, "pytorch")]
    if not s or not p:
        continue
    ms, mp = statistics.median(s), statistics.median(p)
    fs = lambda k: f"{min(spread[k]):.1f}–{max(spread[k]):.1f}"
    print(f"| {model} | {density} | {ms:.1f} ({fs((model, density, 'sparsedsl'))}) | {mp:.1f} ({fs((model, density, 'pytorch'))}) | {ms / mp:.3f} |")
