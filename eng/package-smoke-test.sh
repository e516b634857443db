#!/usr/bin/env bash
# Packs src/SparseDsl into a local folder feed, builds a small consumer project outside the solution against the
# package alone (its own NuGet cache, no other feed), and runs the consumer: it declares a block, a stage, a family
# with variants and a policy, and runs its generated models' forward pass. Exit code 0 when everything checks out.
#   eng/package-smoke-test.sh            (about a minute after a build; needs libtorch as the build does)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="0.0.0-smoke.$(date +%s)"

echo "== packing SparseDsl $version"
dotnet pack "$root/src/SparseDsl" -c Release -o "$work/feed" -p:PackageVersion="$version" -nologo -v:q
unzip -l "$work/feed/SparseDsl.$version.nupkg" | grep -E "lib/|analyzers/|runtimes/"

mkdir "$work/consumer"
cp "$root/eng/package-consumer/Program.cs" "$work/consumer/Program.cs"
cat > "$work/consumer/Consumer.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="SparseDsl" Version="$version" />
  </ItemGroup>
</Project>
PROJECT
cat > "$work/consumer/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG

echo "== building and running the consumer in $work/consumer"
export NUGET_PACKAGES="$work/packages"
dotnet run --project "$work/consumer/Consumer.csproj" -c Release -nologo
ls "$work/consumer/obj/Release/net10.0/generated/SparseDsl.Generators/SparseDsl.Generators.SparseModelGenerator/"
echo "== package smoke test passed"
