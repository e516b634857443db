#!/usr/bin/python3
"""Turns bench/precision.sh's JSON lines (sparsedsl.jsonl, pytorch.jsonl) into markdown tables. Every figure is the
median over rounds of each round's median; min–max spans every timed repeat of every round."""
import json, os, statistics, sys
from collections import defaultdict

folder = sys.argv[1]
runs = defaultdict(list)
for engine in ("sparsedsl", "pytorch"):
    for line in open(os.path.join(folder, f"{engine}.jsonl")):
        r = json.loads(line)
        runs[(r["model"], float(r["density"]), r["precision"], engine)].append(r)
device = next(iter(runs.values()))[0]["device"]
precisions = [p for p in ("fp32", "bf16", "fp16") if any(k[2] == p for k in runs)]
configs = sorted({(m, d) for m, d, _, _ in runs}, key=lambda k: (k[0], -k[1]))


def rate(*key):
    return statistics.median(r["steps_per_s"] for r in runs[key])


def spread(*key):
    rs = runs[key]
    return f"{min(r['min'] for r in rs):.2f}–{max(r['max'] for r in rs):.2f}"


first = next(iter(runs.values()))[0]
print(f"### Training steps/s on {device} by precision (batch {first['batch']}, {first.get('memory_format', 'contiguous')} layout)\n")
print("| model | density | precision | SparseDsl (min–max) | PyTorch (min–max) | SparseDsl / PyTorch |")
print("|---|---|---|---|---|---|")
for m, d in configs:
    for p in precisions:
        if (m, d, p, "sparsedsl") not in runs or (m, d, p, "pytorch") not in runs:
            continue
        s, t = rate(m, d, p, "sparsedsl"), rate(m, d, p, "pytorch")
        print(f"| {m} | {d:g} | {p} | {s:.2f} ({spread(m, d, p, 'sparsedsl')}) | {t:.2f} ({spread(m, d, p, 'pytorch')}) | {s / t:.3f} |")

if "fp32" in precisions and len(precisions) > 1:
    print("\n### Speed-up of mixed precision over the same engine's fp32\n")
    print("| model | density | precision | SparseDsl | PyTorch |")
    print("|---|---|---|---|---|")
    for m, d in configs:
        for p in precisions[1:]:
            keys = [(m, d, q, e) for q in ("fp32", p) for e in ("sparsedsl", "pytorch")]
            if all(k in runs for k in keys):
                print(f"| {m} | {d:g} | {p} | {rate(m, d, p, 'sparsedsl') / rate(m, d, 'fp32', 'sparsedsl'):.3f} "
                      f"| {rate(m, d, p, 'pytorch') / rate(m, d, 'fp32', 'pytorch'):.3f} |")
