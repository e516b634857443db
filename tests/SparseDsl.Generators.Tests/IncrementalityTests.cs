extern alias Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SparseDsl.Generators.Tests.Infrastructure;
using Generators::SparseDsl.Generators;

namespace SparseDsl.Generators.Tests;

/// <summary>The pipeline's models are value-equal: edits that do not touch declarations re-run nothing.</summary>
public class IncrementalityTests
{
    /// <summary>The transforms that read declarations: they run again on any compilation change (they consult the semantic model) and must produce equal values.</summary>
    private static readonly string[] Transforms =
    [
        TrackingNames.ModelResults, TrackingNames.FamilyResults, TrackingNames.BlockResults, TrackingNames.PolicyResults, TrackingNames.VariantPlacement,
    ];

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compilation(GeneratorHarness.ModelsProjectSources());
        return (GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation), compilation);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_after_the_transforms_cached()
    {
        var (driver, compilation) = FirstRun();
        var unrelated = CSharpSyntaxTree.ParseText("namespace Other; public sealed class Unrelated { public int Value => 42; }",
            GeneratorHarness.ParseOptions, "/src/Unrelated.cs");

        var result = driver.RunGenerators(compilation.AddSyntaxTrees(unrelated)).GetRunResult().Results.Single();

        foreach (var step in TrackingNames.All)
        {
            var reasons = Reasons(result, step).ToList();
            Assert.NotEmpty(reasons);
            // Equal values from the transforms, so every step after them is served from the cache.
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached || (r is IncrementalStepRunReason.Unchanged && Transforms.Contains(step)), $"{step}: {r}"));
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

    [Fact]
    public void Editing_a_block_re_generates_the_models_that_use_it_though_their_files_did_not_change()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Blocks.cs", StringComparison.Ordinal));
        // BasicBlock's first convolution gets a bias: 16 more parameters per block of a 16-channel stage, and so on.
        var text = tree.ToString();
        var first = "[Conv2d(64, 3, Padding = 1, Strided = true, Bias = false), BatchNorm2d, ReLU]";
        var edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Remove(text.IndexOf(first, StringComparison.Ordinal), first.Length)
            .Insert(text.IndexOf(first, StringComparison.Ordinal), first.Replace("Bias = false", "Bias = true"))));

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult().Results.Single();

        // cifar_resnet_20: 272,474 + 3·16 + 3·32 + 3·64 biases = 272,810; LeNet5 does not use blocks and stays as it was.
        Assert.Contains("272810 parameters", result.GeneratedSources.Single(s => s.HintName == "SparseDsl.Models.CifarResnet20.g.cs").SourceText.ToString());
        var variants = result.TrackedSteps[TrackingNames.Variants].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(variants, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(result.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).Where(o => o.Value.ToString()!.Contains("LeNet5")),
            o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
    }
}
