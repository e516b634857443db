using System.Reflection;
using SparseDsl.Generators.Tests.Infrastructure;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Tests;

/// <summary>
/// Shape inference through blocks, stages and a family's variants: the layer tables of a small family, compiled and
/// loaded. Sizes by hand in the comments.
/// </summary>
public class CompositionTests
{
    private const string Source = """
        using SparseDsl;
        namespace T;

        [Block]
        [Conv2d(64, 1, Bias = false), BatchNorm2d, ReLU]
        [Conv2d(64, 3, Padding = 1, Strided = true, Bias = false), BatchNorm2d, ReLU]
        [Conv2d(256, 1, Bias = false), BatchNorm2d]
        [Residual]
        [ReLU]
        public partial record Neck;

        [Block]
        [BatchNorm2d, ReLU]
        [Conv2d(16, 3, Padding = 1, Strided = true, Bias = false), Dropout(0.1)]
        [Residual(Shortcut.Conv, ProjectPreActivated = true)]
        public partial record PreAct;

        [ModelFamily(3, 16, 16, BaseWidth = 2)]
        [Conv2d(8, 3, Padding = 1, Bias = false), BatchNorm2d, ReLU]
        [Stage(typeof(Neck), 32, Blocks = 2)]
        [Stage(typeof(Neck), 64, Stride = 2)]
        [GlobalAvgPool, Linear(10)]
        [Variant("small")]
        [Variant("wide", Width = 4, StageBlocks = [1, 3])]
        [Variant("preact", Block = typeof(PreAct), TypeName = "PreActNet", Aliases = ["pre"])]
        public partial record Net;
        """;

    private static readonly Lazy<Assembly> Compiled = new(() => GeneratorHarness.CompileAndLoad([(GeneratorHarness.DeclarationsPath, Source)]));

    private static ModelInfo Info(string type) => (ModelInfo)Compiled.Value.GetType("T." + type, throwOnError: true)!.GetProperty("Info")!.GetValue(null)!;

    private static (string, long[], long[]) Row(LayerInfo l) => (l.Name, l.WeightShape.ToArray(), l.OutputShape.ToArray());

    [Fact]
    public void Stages_repeat_the_block_scaled_to_their_channels_with_projections_where_the_shape_changes()
    {
        var info = Info("Small");
        // Neck is written 64-64-256: a 32-channel stage has inner width 8, a 64-channel one 16.
        // stages.0.blocks.0 goes 8 → 32 channels: projected; blocks.1 keeps 32: identity.
        // stages.1.blocks.0 goes 32 → 64 with stride 2 on conv2: projected with stride 2, 16×16 → 8×8.
        (string, long[], long[])[] prunable =
        [
            ("conv1", [8, 3, 3, 3], [8, 16, 16]),
            ("stages.0.blocks.0.conv1", [8, 8, 1, 1], [8, 16, 16]),
            ("stages.0.blocks.0.conv2", [8, 8, 3, 3], [8, 16, 16]),
            ("stages.0.blocks.0.conv3", [32, 8, 1, 1], [32, 16, 16]),
            ("stages.0.blocks.0.shortcut.conv", [32, 8, 1, 1], [32, 16, 16]),
            ("stages.0.blocks.1.conv1", [8, 32, 1, 1], [8, 16, 16]),
            ("stages.0.blocks.1.conv2", [8, 8, 3, 3], [8, 16, 16]),
            ("stages.0.blocks.1.conv3", [32, 8, 1, 1], [32, 16, 16]),
            ("stages.1.blocks.0.conv1", [16, 32, 1, 1], [16, 16, 16]),
            ("stages.1.blocks.0.conv2", [16, 16, 3, 3], [16, 8, 8]),
            ("stages.1.blocks.0.conv3", [64, 16, 1, 1], [64, 8, 8]),
            ("stages.1.blocks.0.shortcut.conv", [64, 32, 1, 1], [64, 8, 8]),
            ("fc1", [10, 64], [10]),
        ];
        Assert.Equal(prunable, info.PrunableLayers.Select(Row));
        // Registration (and table) order inside a block: its layers up to the residual, the shortcut, the addition, the rest.
        Assert.Equal(["conv1", "bn1", "relu1", "conv2", "bn2", "relu2", "conv3", "bn3", "shortcut.conv", "shortcut.bn", "residual1", "relu3"],
            info.Layers.Where(l => l.Name.StartsWith("stages.0.blocks.0.", StringComparison.Ordinal)).Select(l => l.Name["stages.0.blocks.0.".Length..]));
        Assert.Null(info.FindLayer("stages.0.blocks.1.shortcut.conv"));
        Assert.Equal(["small"], info.Aliases);
    }

    [Fact]
    public void Width_scales_every_size_but_the_classifier_and_stage_blocks_repeat_per_stage()
    {
        // Width 4 over BaseWidth 2 doubles: stem 16, stages 64 and 128 (inner 16 and 32); the classifier keeps 10 outputs.
        var info = Info("Wide");
        Assert.Equal([16L, 3, 3, 3], info.FindLayer("conv1")!.WeightShape);
        Assert.Equal([16L, 16, 1, 1], info.FindLayer("stages.0.blocks.0.conv1")!.WeightShape);
        Assert.Equal([128L, 32, 1, 1], info.FindLayer("stages.1.blocks.2.conv3")!.WeightShape);
        Assert.Null(info.FindLayer("stages.0.blocks.1.conv1"));
        Assert.Equal([10L, 128], info.FindLayer("fc1")!.WeightShape);
    }

    [Fact]
    public void Variant_block_replaces_every_stage_block_and_projects_the_pre_activated_input()
    {
        var info = Info("PreActNet");
        Assert.Equal(["preact", "pre"], info.Aliases);
        // PreAct is written for 16 channels: its conv gets the stage's 32 and 64; the projection is a 1×1 conv without BN.
        (string, long[], long[])[] stage1 =
        [
            ("stages.1.blocks.0.bn1", [32], [32, 16, 16]),
            ("stages.1.blocks.0.relu1", [], [32, 16, 16]),
            ("stages.1.blocks.0.conv1", [64, 32, 3, 3], [64, 8, 8]),
            ("stages.1.blocks.0.dropout1", [], [64, 8, 8]),
            ("stages.1.blocks.0.shortcut.conv", [64, 32, 1, 1], [64, 8, 8]),
            ("stages.1.blocks.0.residual1", [], [64, 8, 8]),
        ];
        Assert.Equal(stage1, info.Layers.Where(l => l.Name.StartsWith("stages.1.", StringComparison.Ordinal)).Select(Row));
    }

    [Fact]
    public void Family_lists_its_variants()
    {
        var variants = (IReadOnlyList<ModelEntry>)Compiled.Value.GetType("T.Net", throwOnError: true)!.GetProperty("Variants")!.GetValue(null)!;
        Assert.Equal(["Small", "Wide", "PreActNet"], variants.Select(v => v.Name));
    }
}
