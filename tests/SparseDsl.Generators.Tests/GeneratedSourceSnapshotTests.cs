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
        // One file per model (a family: one per variant, and one for the family), block and policy, and the catalog.
        Assert.Equal(
            [
                "SparseDsl.Generated.ModelCatalog.g.cs",
                "SparseDsl.Models.BasicBlock.Block.g.cs",
                "SparseDsl.Models.Bottleneck.Block.g.cs",
                "SparseDsl.Models.CifarResNet.Family.g.cs",
                "SparseDsl.Models.CifarResnet110.g.cs",
                "SparseDsl.Models.CifarResnet110_24.g.cs",
                "SparseDsl.Models.CifarResnet110_32.g.cs",
                "SparseDsl.Models.CifarResnet110_64.g.cs",
                "SparseDsl.Models.CifarResnet110_8.g.cs",
                "SparseDsl.Models.CifarResnet20.g.cs",
                "SparseDsl.Models.CifarResnet20_24.g.cs",
                "SparseDsl.Models.CifarResnet20_32.g.cs",
                "SparseDsl.Models.CifarResnet20_64.g.cs",
                "SparseDsl.Models.CifarResnet20_8.g.cs",
                "SparseDsl.Models.CifarResnet32.g.cs",
                "SparseDsl.Models.CifarResnet32_24.g.cs",
                "SparseDsl.Models.CifarResnet32_32.g.cs",
                "SparseDsl.Models.CifarResnet32_64.g.cs",
                "SparseDsl.Models.CifarResnet32_8.g.cs",
                "SparseDsl.Models.CifarResnet44.g.cs",
                "SparseDsl.Models.CifarResnet44_24.g.cs",
                "SparseDsl.Models.CifarResnet44_32.g.cs",
                "SparseDsl.Models.CifarResnet44_64.g.cs",
                "SparseDsl.Models.CifarResnet44_8.g.cs",
                "SparseDsl.Models.CifarResnet56.g.cs",
                "SparseDsl.Models.CifarResnet56_24.g.cs",
                "SparseDsl.Models.CifarResnet56_32.g.cs",
                "SparseDsl.Models.CifarResnet56_64.g.cs",
                "SparseDsl.Models.CifarResnet56_8.g.cs",
                "SparseDsl.Models.CifarVgg.Family.g.cs",
                "SparseDsl.Models.ConvBatchNormReLU.Block.g.cs",
                "SparseDsl.Models.Dense.Policy.g.cs",
                "SparseDsl.Models.Erk90.Policy.g.cs",
                "SparseDsl.Models.Erk90StemDense.Policy.g.cs",
                "SparseDsl.Models.FashionResNet.Family.g.cs",
                "SparseDsl.Models.FmnistResnet8.g.cs",
                "SparseDsl.Models.FmnistResnet8X2.g.cs",
                "SparseDsl.Models.FmnistResnet8X4.g.cs",
                "SparseDsl.Models.ImageNetBottleneckResNet.Family.g.cs",
                "SparseDsl.Models.ImageNetResNet.Family.g.cs",
                "SparseDsl.Models.LeNet5.g.cs",
                "SparseDsl.Models.LeNet5Handpicked.Policy.g.cs",
                "SparseDsl.Models.Mlp.g.cs",
                "SparseDsl.Models.MlpX2.g.cs",
                "SparseDsl.Models.MlpX4.g.cs",
                "SparseDsl.Models.MultilayerPerceptron.Family.g.cs",
                "SparseDsl.Models.Resnet101.g.cs",
                "SparseDsl.Models.Resnet18.g.cs",
                "SparseDsl.Models.Resnet34.g.cs",
                "SparseDsl.Models.Resnet50.g.cs",
                "SparseDsl.Models.Uniform90.Policy.g.cs",
                "SparseDsl.Models.Uniform95Classifier20.Policy.g.cs",
                "SparseDsl.Models.Vgg11.g.cs",
                "SparseDsl.Models.Vgg13.g.cs",
                "SparseDsl.Models.Vgg16.g.cs",
                "SparseDsl.Models.Vgg19.g.cs",
                "SparseDsl.Models.WideBasicBlock.Block.g.cs",
                "SparseDsl.Models.WideBottleneck.Block.g.cs",
                "SparseDsl.Models.WideResNet28_10.g.cs",
                "SparseDsl.Models.WideResnet50_2.g.cs",
            ],
            ModelsProject.Value.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LeNet5() => Verify("SparseDsl.Models.LeNet5.g.cs");

    [Fact]
    public void Mlp() => Verify("SparseDsl.Models.Mlp.g.cs");

    [Fact]
    public void CifarResnet20() => Verify("SparseDsl.Models.CifarResnet20.g.cs");

    [Fact]
    public void CifarResnet20_8_width_variant() => Verify("SparseDsl.Models.CifarResnet20_8.g.cs");

    [Fact]
    public void CifarResNet_family() => Verify("SparseDsl.Models.CifarResNet.Family.g.cs");

    [Fact]
    public void Vgg16() => Verify("SparseDsl.Models.Vgg16.g.cs");

    [Fact]
    public void WideResNet28_10() => Verify("SparseDsl.Models.WideResNet28_10.g.cs");

    [Fact]
    public void BasicBlock() => Verify("SparseDsl.Models.BasicBlock.Block.g.cs");

    [Fact]
    public void WideBasicBlock() => Verify("SparseDsl.Models.WideBasicBlock.Block.g.cs");

    [Fact]
    public void Erk90Policy() => Verify("SparseDsl.Models.Erk90.Policy.g.cs");

    [Fact]
    public void Erk90StemDensePolicy() => Verify("SparseDsl.Models.Erk90StemDense.Policy.g.cs");

    [Fact]
    public void LeNet5HandpickedPolicy() => Verify("SparseDsl.Models.LeNet5Handpicked.Policy.g.cs");

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
