#!/usr/bin/env bash
# Mixed-precision and device benchmark, SparseDsl against PyTorch eager side by side on this machine: the same masked
# model, batch and optimizer, the forward pass and loss under autocast in each engine, float16 with each engine's
# GradScaler, PyTorch masking as the official code does (weights × masks after every step). Rounds interleave the
# engines. Prints markdown: steps/s per engine and precision, the SparseDsl / PyTorch ratio, each engine's speed-up
# over its own fp32.
# Usage: bench/precision.sh [--device cpu|cuda] [--models a,b] [--densities 1,0.1] [--precisions fp32,bf16]
#                           [--steps N] [--rounds N] [--repeats N] [--threads N] [--batch N]
#                           [--memory-format contiguous|channels_last]   (both engines; channels_last is for CUDA)
# CPU (this machine):  bench/precision.sh --models lenet5,cifar_resnet_20 --precisions fp32,bf16
# GPU (docs/gpu.md):   bench/precision.sh --device cuda --models cifar_resnet_20,wrn_28_10 --precisions fp32,bf16,fp16 --steps 50
#                      and the same with --memory-format channels_last
set -euo pipefail
cd "$(dirname "$0")/.."
device=cpu models=lenet5,cifar_resnet_20 densities=1,0.1 precisions=fp32,bf16 steps=20 rounds=2 repeats=3 threads=2 batch=128 memory_format=contiguous
while [[ $# -gt 0 ]]; do
  case "$1" in
    --device) device=$2 ;; --models) models=$2 ;; --densities) densities=$2 ;; --precisions) precisions=$2 ;;
    --steps) steps=$2 ;; --rounds) rounds=$2 ;; --repeats) repeats=$2 ;; --threads) threads=$2 ;; --batch) batch=$2 ;;
    --memory-format) memory_format=$2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
# A published SparseDsl.Bench (eng/publish.sh bench) runs where there is no .NET SDK, as on the GPU machine.
if [[ -x bench/SparseDsl.Bench/publish/SparseDsl.Bench ]]; then
  sparsedsl=(bench/SparseDsl.Bench/publish/SparseDsl.Bench)
else
  dotnet build bench/SparseDsl.Bench -c Release -v quiet -nologo >/dev/null
  sparsedsl=(dotnet bench/SparseDsl.Bench/bin/Release/net10.0/SparseDsl.Bench.dll)
fi
python=${PYTHON:-/usr/bin/python3}
out=$(mktemp -d)
for ((round = 0; round < rounds; round++)); do
  for model in ${models//,/ }; do
    for density in ${densities//,/ }; do
      for precision in ${precisions//,/ }; do
        common=(--model "$model" --density "$density" --steps "$steps" --repeats "$repeats" --threads "$threads"
                --batch "$batch" --device "$device" --precision "$precision" --memory-format "$memory_format")
        "${sparsedsl[@]}" "${common[@]}" >> "$out/sparsedsl.jsonl"
        "$python" bench/pytorch_step.py "${common[@]}" >> "$out/pytorch.jsonl"
      done
    done
  done
done
echo "raw results: $out" >&2
"$python" bench/compare_precision.py "$out"
