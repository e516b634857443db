#!/usr/bin/env bash
# Convergence check of the reproduction study (docs/reproduction.md): the study trains 3 epochs per run; this trains
# the extreme cell — 98% sparsity, Dense vs Uniform vs ERK, widths x1 and x4 — for 20 epochs (lr x0.1 after epochs 10
# and 15), to show how far the 3-epoch numbers are from converged ones and whether the two claims hold there.
# Usage: [SEEDS=1,2,3] bench/study/run-convergence.sh [output-root]   (default seeds 1; root study-convergence)
# Restarting skips finished runs; the sweep's report.md covers every seed given.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=${1:-study-convergence}
dotnet build src/SparseDsl.Runner -c Release -v quiet -nologo >/dev/null
dotnet src/SparseDsl.Runner/bin/Release/net10.0/SparseDsl.Runner.dll sweep --Experiment:Models=mlp,mlp_x4 \
  --Experiment:Policies=dense,uniform,erk --Experiment:Densities=0.02 --Experiment:Seeds="${SEEDS:-1}" --Training:Epochs=20 \
  --Output:Root="$root" --Output:Progress=log
