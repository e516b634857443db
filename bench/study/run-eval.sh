#!/usr/bin/env bash
# Uncertainty, OoD detection and adversarial robustness of dense vs random ERK at 90% sparsity (seed 1), with the
# runner's `eval` on the best-validation checkpoints of the MLP study (run bench/study/run-mlp.sh first), or of the
# runs named in RUNS (e.g. the ResNet study's: RUNS="fmnistresnet8_dense_d1_s1 fmnistresnet8_erk_d0.1_s1 ...").
# Usage: [RUNS="..."] bench/study/run-eval.sh [study-root]   (default: study-runs); writes <root>/eval/<run>/eval.json
set -euo pipefail
cd "$(dirname "$0")/../.."
root=${1:-study-runs}
dotnet build src/SparseDsl.Runner -c Release -v quiet -nologo >/dev/null
runs=${RUNS:-mlp_dense_d1_s1 mlp_erk_d0.1_s1 mlpx4_dense_d1_s1 mlpx4_erk_d0.1_s1}
for run in $runs; do
  folder=$(ls -d "$root/runs/$run"-* 2>/dev/null || ls -d "$root/$run"-*)
  dotnet src/SparseDsl.Runner/bin/Release/net10.0/SparseDsl.Runner.dll eval \
    --Eval:Checkpoint="$folder/best.safetensors" --Eval:Output="$root/eval/$run"
done
python3 bench/study/eval_table.py $(for run in $runs; do echo "$root/eval/$run/eval.json"; done)
