#!/usr/bin/env bash
# Training-step benchmark, SparseDsl against PyTorch, side by side on this machine: same libtorch, same threads,
# same batch, same ERK masking (Bernoulli masks as the official code draws them). Each configuration runs in a
# process of its own (peak memory belongs to it alone); rounds interleave the engines so that drift in machine
# load touches both alike. Prints markdown tables: throughput, masking overhead, peak memory, GFLOP/s.
# Usage: bench/run.sh [--rounds N] [--repeats N] [--threads N]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=2 repeats=5 threads=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown option $1 (use --rounds, --repeats, --threads)" >&2; exit 2 ;;
  esac
done
dotnet build bench/SparseDsl.Bench -c Release -v quiet -nologo >/dev/null
out=$(mktemp -d)
# model:steps per timed repeat (about 4–10 s per repeat on 2 cores)
configs=(lenet5:200 mlp:500 cifar_resnet_20:4)
for ((round = 0; round < rounds; round++)); do
  for config in "${configs[@]}"; do
    model=${config%%:*} steps=${config##*:}
    for density in 1 0.1; do
      common=(--model "$model" --density "$density" --steps "$steps" --repeats "$repeats" --threads "$threads")
      dotnet bench/SparseDsl.Bench/bin/Release/net10.0/SparseDsl.Bench.dll "${common[@]}" >> "$out/sparsedsl.jsonl"
      /usr/bin/python3 bench/pytorch_step.py "${common[@]}" >> "$out/pytorch.jsonl"
    done
    /usr/bin/python3 bench/conv_peak.py --model "$model" --threads "$threads" --repeats "$repeats" >> "$out/peak.jsonl"
  done
done
echo "raw results: $out" >&2
/usr/bin/python3 bench/compare.py "$out"
