extern alias Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SparseDsl.Generators.Tests.Infrastructure;
using Generators::SparseDsl.Generators;

namespace SparseDsl.Generators.Tests;

/// <summary>The pipeline's models are value-equal: edits that do not touch declarations re-run nothing.</summary>
public class IncrementalityTests
{
    private static readonly string[] Steps =
    [
        TrackingNames.ModelResults, TrackingNames.PolicyResults, TrackingNames.Models, TrackingNames.Policies, TrackingNames.CrossChecks,
    ];

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.ModelsProjectSources());
        return (GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation), compilation);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var unrelated = CSharpSyntaxTree.ParseText("namespace Other; public sealed class Unrelated { public int Value => 42; }",
            GeneratorHarness.ParseOptions, "/src/Unrelated.cs");

        var result = driver.RunGenerators(compilation.AddSyntaxTrees(unrelated)).GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            var reasons = Reasons(result, step).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Changing_a_layer_re_runs_that_model_only()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("LeNet5.cs", StringComparison.Ordinal));
        var edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree.ToString().Replace("[Linear(84), ReLU]", "[Linear(64), ReLU]")));

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult().Results.Single();

        var models = result.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, models.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Contains("new global::SparseDsl.Modeling.MaskedLinear(120, 64, true)",
            result.GeneratedSources.Single(s => s.HintName == "SparseDsl.Models.LeNet5.g.cs").SourceText.ToString());
    }
}
