#!/usr/bin/env bash
# Data-parallel training-step time: WORLD_SIZE ranks of bench/SparseDsl.Bench on loopback Gloo, one thread each,
# the same model and per-rank batch; rank 0 prints the JSON line (median ms_per_step over the repeats).
# Usage: bench/ddp_step.sh [--world N] [SparseDsl.Bench options, e.g. --model cifar_resnet_20 --batch 32 --steps 10]
# BENCH_DLL=path runs another build of SparseDsl.Bench (e.g. a copy of an older commit's, to compare in one session).
set -euo pipefail
cd "$(dirname "$0")/.."
world=2
if [[ ${1:-} == --world ]]; then world=$2; shift 2; fi
dll=${BENCH_DLL:-bench/SparseDsl.Bench/bin/Release/net10.0/SparseDsl.Bench.dll}
[[ -n ${BENCH_DLL:-} ]] || dotnet build bench/SparseDsl.Bench -c Release -v quiet -nologo >/dev/null
port=$((29500 + RANDOM % 1000))
pids=()
for ((rank = 0; rank < world; rank++)); do
  MASTER_ADDR=127.0.0.1 MASTER_PORT=$port RANK=$rank WORLD_SIZE=$world LOCAL_RANK=$rank \
    dotnet "$dll" --threads 1 "$@" &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
exit $status
