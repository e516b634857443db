#!/usr/bin/env bash
# Training-step throughput, SparseDsl against PyTorch, side by side on this machine, same libtorch,
# same threads, same batches, same masking (ERK, official-style Bernoulli masks).
# Usage: bench/run.sh [--threads N] [--steps N] [--repeats N]   — prints a markdown table of ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
dotnet build bench/SparseDsl.Bench -c Release -v quiet -nologo >/dev/null
out=$(mktemp -d)
# Interleave the engines so that drift in machine load touches both alike.
dotnet bench/SparseDsl.Bench/bin/Release/net10.0/SparseDsl.Bench.dll "${args[@]}" > "$out/sparsedsl.jsonl"
/usr/bin/python3 bench/pytorch_step.py "${args[@]}" > "$out/pytorch.jsonl"
dotnet bench/SparseDsl.Bench/bin/Release/net10.0/SparseDsl.Bench.dll "${args[@]}" >> "$out/sparsedsl.jsonl"
/usr/bin/python3 bench/pytorch_step.py "${args[@]}" >> "$out/pytorch.jsonl"
/usr/bin/python3 bench/compare.py "$out/sparsedsl.jsonl" "$out/pytorch.jsonl"
