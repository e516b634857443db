#!/usr/bin/python3
"""Turns bench/run.sh's JSON lines (a folder with sparsedsl.jsonl, pytorch.jsonl, peak.jsonl) into markdown tables.
Every figure is the median over rounds of each round's median; min–max spans every timed repeat of every round."""
import json, os, statistics, sys
from collections import defaultdict

folder = sys.argv[1]
runs = defaultdict(list)
for engine in ("sparsedsl", "pytorch"):
    for line in open(os.path.join(folder, f"{engine}.jsonl")):
        r = json.loads(line)
        runs[(r["model"], r["density"], engine)].append(r)
peaks = defaultdict(list)
for line in open(os.path.join(folder, "peak.jsonl")):
    r = json.loads(line)
    peaks[r["model"]].append(r)
macs = {m: r[0]["weight_macs_per_sample"] for (m, _, e), r in runs.items() if e == "sparsedsl"}
batch = {m: r[0]["batch"] for (m, _, e), r in runs.items()}
configs = sorted({(m, d) for m, d, _ in runs}, key=lambda k: (k[0], -k[1]))
models = sorted({m for m, _ in configs})


def rate(model, density, engine):
    return statistics.median(r["steps_per_s"] for r in runs[(model, density, engine)])


def spread(model, density, engine):
    rs = runs[(model, density, engine)]
    return f"{min(r['min'] for r in rs):.1f}–{max(r['max'] for r in rs):.1f}"


def rss(model, density, engine):
    return statistics.median(r["peak_rss_mb"] for r in runs[(model, density, engine)])


print("### Throughput (training steps/s; target SparseDsl / PyTorch ≥ 1.10)\n")
print("| model | density | SparseDsl steps/s (min–max) | PyTorch steps/s (min–max) | SparseDsl / PyTorch | target |")
print("|---|---|---|---|---|---|")
for m, d in configs:
    ratio = rate(m, d, "sparsedsl") / rate(m, d, "pytorch")
    print(f"| {m} | {d} | {rate(m, d, 'sparsedsl'):.2f} ({spread(m, d, 'sparsedsl')}) | {rate(m, d, 'pytorch'):.2f} "
          f"({spread(m, d, 'pytorch')}) | {ratio:.3f} | {'met' if ratio >= 1.10 else 'missed'} |")

print("\n### Masking overhead (masked step time / dense step time, density 0.1; target ≤ 1.03)\n")
print("| model | SparseDsl | PyTorch (official masking) | target (SparseDsl) |")
print("|---|---|---|---|")
for m in models:
    s = rate(m, 1.0, "sparsedsl") / rate(m, 0.1, "sparsedsl")
    p = rate(m, 1.0, "pytorch") / rate(m, 0.1, "pytorch")
    print(f"| {m} | {s:.3f} | {p:.3f} | {'met' if s <= 1.03 else 'missed'} |")

print("\n### Peak resident memory of the benchmark process (MiB, VmHWM)\n")
print("| model | density | SparseDsl | PyTorch | SparseDsl / PyTorch |")
print("|---|---|---|---|---|")
for m, d in configs:
    s, p = rss(m, d, "sparsedsl"), rss(m, d, "pytorch")
    print(f"| {m} | {d} | {s:.0f} | {p:.0f} | {s / p:.3f} |")

print("\n### Achieved GFLOP/s of a dense training step against the dominant layer's measured peak in libtorch\n")
print("Step FLOPs = 3 passes × 2 FLOPs × forward Conv/Linear MACs per sample × batch (masks do not reduce dense kernels' work).\n")
print("| model | step GFLOP (dense) | SparseDsl GFLOP/s | PyTorch GFLOP/s | dominant layer alone, GFLOP/s (min–max) | SparseDsl / peak |")
print("|---|---|---|---|---|---|")
for m in models:
    flops = 3 * 2 * macs[m] * batch[m] / 1e9
    peak = statistics.median(r["peak_gflops"] for r in peaks[m])
    s, p = flops * rate(m, 1.0, "sparsedsl"), flops * rate(m, 1.0, "pytorch")
    lo, hi = min(r["min"] for r in peaks[m]), max(r["max"] for r in peaks[m])
    print(f"| {m} | {flops:.3f} | {s:.1f} | {p:.1f} | {peak:.1f} ({lo:.1f}–{hi:.1f}) | {s / peak:.2f} |")
