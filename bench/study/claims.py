#!/usr/bin/python3
"""The numbers behind docs/reproduction.md's claims, from a study's results.csv (one row per run): per width, the
mean test accuracy of each policy at each density, the gap of each policy to dense, and ERK's margin over Uniform.
Usage: bench/study/claims.py <results.csv>"""
import csv, statistics, sys
from collections import defaultdict

acc = defaultdict(list)
for row in csv.DictReader(open(sys.argv[1])):
    acc[(row["model"], row["policy"], float(row["density"]))].append(100 * float(row["test_accuracy"]))
mean = {k: statistics.mean(v) for k, v in acc.items()}
seeds = {k: len(v) for k, v in acc.items()}
models = sorted({m for m, _, _ in mean})
densities = sorted({d for _, p, d in mean if p != "dense"}, reverse=True)
policies = [p for p in ("uniform", "uniform+", "er", "erk", "snip") if any(k[1] == p for k in mean)]

print(f"seeds per cell: {min(seeds.values())}–{max(seeds.values())}\n")
print("gap to dense (points, columns: sparsity), mean over seeds")
print("| model | policy | " + " | ".join(f"{1 - d:.2f}" for d in densities) + " |")
print("|---|---|" + "---|" * len(densities))
for m in models:
    dense = mean[(m, "dense", 1.0)]
    for p in policies:
        print(f"| {m} | {p} | " + " | ".join(f"{mean[(m, p, d)] - dense:+.2f}" for d in densities) + " |")
print("\nERK − Uniform (points)")
print("| model | " + " | ".join(f"{1 - d:.2f}" for d in densities) + " |")
print("|---|" + "---|" * len(densities))
for m in models:
    print(f"| {m} | " + " | ".join(f"{mean[(m, 'erk', d)] - mean[(m, 'uniform', d)]:+.2f}" for d in densities) + " |")
