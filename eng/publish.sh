#!/usr/bin/env bash
# A self-contained, trimmed publish of the runner for linux-x64, with the native shim beside it: the folder runs on a
# machine that has libtorch (the one the shim was built against, e.g. a CUDA pip torch) but no .NET at all.
#   eng/publish.sh [output-folder]        (default: artifacts/publish/linux-x64)
# Then, on the target:  <folder>/SparseDsl.Runner models   (or train, sweep … as with dotnet run)
# The shim finds libtorch through the RUNPATH it was built with (a pip torch's torch/lib; Debian's libtorch is on the
# loader's default path); a libtorch elsewhere on the target needs LD_LIBRARY_PATH=<libtorch>/lib. See docs/gpu.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/artifacts/publish/linux-x64}"

echo "== dotnet publish (self-contained, trimmed, linux-x64) -> $out"
dotnet publish "$root/src/SparseDsl.Runner/SparseDsl.Runner.csproj" -c Release -r linux-x64 --self-contained \
  -p:SparseDslPublishTrimmed=true -o "$out" -nologo

test -x "$out/SparseDsl.Runner" || { echo "publish: $out/SparseDsl.Runner is missing" >&2; exit 1; }
test -f "$out/libsparsedsl_torch.so" || { echo "publish: the native shim libsparsedsl_torch.so is missing" >&2; exit 1; }
echo "== the shim's libtorch (RUNPATH, then what the loader resolves)"
readelf -d "$out/libsparsedsl_torch.so" | grep -E "RUNPATH|RPATH" || echo "  no RUNPATH: libtorch must be on the default loader path or LD_LIBRARY_PATH"
ldd "$out/libsparsedsl_torch.so" | grep -E "libtorch|libc10" || true
du -sh "$out"

# Proof that no .NET install is used: a clean environment, a PATH without dotnet, and DOTNET_ROOT pointing nowhere.
echo "== smoke test: models, without .NET on PATH"
catalog="$(env -i HOME="$HOME" PATH=/nonexistent DOTNET_ROOT=/nonexistent ${LD_LIBRARY_PATH:+LD_LIBRARY_PATH="$LD_LIBRARY_PATH"} \
  "$out/SparseDsl.Runner" models)"
echo "$catalog" | head -n 8
grep -q "LeNet5" <<<"$catalog" || { echo "publish: the published runner did not list the model catalog" >&2; exit 1; }
echo "== published: $out"
