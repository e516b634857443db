#!/usr/bin/env bash
# Reproduction study, ResNet part (docs/reproduction.md), at the budget a 2-core CPU allows: the CIFAR-style
# ResNet-8 adapted to 1x28x28 (fmnist_resnet_8, _x2, _x4: widths 8/16/32), Dense vs Uniform vs ERK at 90% and 98%
# sparsity, 3 epochs (the MLP study's schedule), on the real Fashion-MNIST. One sweep per seed, so that a study cut
# short covers every grid point for the seeds it finished; then `collect` writes results.csv, report.md and
# accuracy.svg over the seeds given. Restarting skips finished runs.
# The issue's full grid (6 policies x 5 sparsities x 3 seeds, trained to convergence) is the same command with
# POLICIES=dense,uniform,uniform+,er,erk,snip DENSITIES=0.5,0.2,0.1,0.05,0.02 EPOCHS=20 — GPU work (docs/gpu.md).
# Usage: [SEEDS="1 2"] [POLICIES=...] [DENSITIES=...] [EPOCHS=3] bench/study/run-resnet.sh [output-root]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=${1:-study-resnet}
seeds=${SEEDS:-1 2}
dotnet build src/SparseDsl.Runner -c Release -v quiet -nologo >/dev/null
runner=(dotnet src/SparseDsl.Runner/bin/Release/net10.0/SparseDsl.Runner.dll)
common=(--Experiment:Models=fmnist_resnet_8,fmnist_resnet_8_x2,fmnist_resnet_8_x4
        --Experiment:Policies="${POLICIES:-dense,uniform,erk}" --Experiment:Densities="${DENSITIES:-0.1,0.02}"
        --Training:Epochs="${EPOCHS:-3}" --Output:Root="$root" --Output:Progress=log)
for seed in $seeds; do
  "${runner[@]}" sweep "${common[@]}" --Experiment:Seeds="$seed"
done
"${runner[@]}" collect "${common[@]}" --Experiment:Seeds="$(echo $seeds | tr ' ' ',')"
