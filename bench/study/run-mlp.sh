#!/usr/bin/env bash
# Reproduction study, MLP part (docs/reproduction.md): widths x1/x2/x4 of the declared MLP, six policies,
# sparsities 0.5/0.8/0.9/0.95/0.98, seeds 1-3, on the real Fashion-MNIST. One sweep per seed, so that a study cut
# short still covers every grid point for the seeds it finished; then `collect` aggregates every finished run folder
# into results.csv, report.md and accuracy.svg. Restarting the script skips finished runs.
# Usage: bench/study/run-mlp.sh [output-root]   (default: study-runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=${1:-study-runs}
dotnet build src/SparseDsl.Runner -c Release -v quiet -nologo >/dev/null
runner=(dotnet src/SparseDsl.Runner/bin/Release/net10.0/SparseDsl.Runner.dll)
common=(--Experiment:Models=mlp,mlp_x2,mlp_x4 --Experiment:Policies=dense,uniform,uniform+,er,erk,snip
        --Experiment:Densities=0.5,0.2,0.1,0.05,0.02 --Training:Epochs=3 --Output:Root="$root" --Output:Progress=log)
for seed in ${SEEDS:-1 2 3}; do
  "${runner[@]}" sweep "${common[@]}" --Experiment:Seeds="$seed"
done
"${runner[@]}" collect "${common[@]}" --Experiment:Seeds="$(echo ${SEEDS:-1 2 3} | tr ' ' ',')"
