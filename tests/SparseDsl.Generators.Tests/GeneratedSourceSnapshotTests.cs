using Microsoft.CodeAnalysis;
using SparseDsl.Generators.Tests.Infrastructure;
using SparseDsl.Generators.Tests.Snapshots;

namespace SparseDsl.Generators.Tests;

/// <summary>The generated files for the real declarations of models/SparseDsl.Models, against committed snapshots.</summary>
public class GeneratedSourceSnapshotTests
{
    private static readonly Lazy<GeneratorRunResult> ModelsProject = new(() =>
        GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ModelsProjectSources())));

    [Fact]
    public void Models_project_generates_one_file_per_model_and_policy_and_a_catalog()
    {
        Assert.Empty(ModelsProject.Value.Diagnostics);
        Assert.Null(ModelsProject.Value.Exception);
        Assert.Equal(
            [
                "SparseDsl.Generated.ModelCatalog.g.cs",
                "SparseDsl.Models.Dense.Policy.g.cs",
                "SparseDsl.Models.Erk90.Policy.g.cs",
                "SparseDsl.Models.LeNet5.g.cs",
                "SparseDsl.Models.Mlp.g.cs",
                "SparseDsl.Models.Uniform90.Policy.g.cs",
            ],
            ModelsProject.Value.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LeNet5() => Verify("SparseDsl.Models.LeNet5.g.cs");

    [Fact]
    public void Mlp() => Verify("SparseDsl.Models.Mlp.g.cs");

    [Fact]
    public void Erk90Policy() => Verify("SparseDsl.Models.Erk90.Policy.g.cs");

    [Fact]
    public void Catalog() => Verify("SparseDsl.Generated.ModelCatalog.g.cs");

    [Fact]
    public void EveryLayerKind()
    {
        var result = GeneratorHarness.Run(Declarations.EveryLayerKind);
        Assert.Empty(result.Diagnostics);
        Snapshot.VerifySource("T.Kinds.g.cs", result.Source("T.Kinds.g.cs"));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var again = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.ModelsProjectSources()));
        Assert.Equal(
            ModelsProject.Value.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            again.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    private static void Verify(string hintName, [System.Runtime.CompilerServices.CallerMemberName] string testMethod = "") =>
        Snapshot.VerifySource(hintName, ModelsProject.Value.Source(hintName), testMethod: testMethod);
}
