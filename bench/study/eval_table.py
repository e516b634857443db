#!/usr/bin/env python3
"""Prints one markdown table of the runner's eval.json files: accuracy, NLL, ECE, MSP OoD AUROC / FPR@95%TPR, FGSM/PGD."""
import json
import sys

rows = []
for path in sys.argv[1:]:
    with open(path) as f:
        e = json.load(f)
    m = e["metrics"]
    ood = {o["set"]: o for o in m.get("ood", [])}
    adv = {a["attack"]: a for a in m.get("adversarial", [])}
    cells = [e["model"], e["policy"], f'{e["costs"]["keptWeights"]:,}/{e["costs"]["maskedWeights"]:,}',
             f'{100 * m["top1"]:.2f}', f'{m["nll"]:.4f}', f'{100 * m["ece"]:.2f}']
    for s in ("gaussian", "uniform", "vflip"):
        cells.append(f'{ood[s]["auroc"]:.4f} / {100 * ood[s]["fprAt95Tpr"]:.1f}' if s in ood else "–")
    for a in ("fgsm", "pgd"):
        cells.append(f'{100 * adv[a]["accuracy"]:.2f}' if a in adv else "–")
    rows.append(cells)

print("| model | policy | weights kept | top-1 (%) | NLL | ECE (%) | OoD gaussian AUROC / FPR95 (%) "
      "| OoD uniform | OoD vflip | FGSM acc (%) | PGD-10 acc (%) |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for cells in rows:
    print("| " + " | ".join(cells) + " |")
