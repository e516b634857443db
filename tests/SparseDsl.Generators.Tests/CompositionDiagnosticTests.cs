using Microsoft.CodeAnalysis;
using SparseDsl.Generators.Tests.Infrastructure;
using static SparseDsl.Generators.Tests.DiagnosticTests;

namespace SparseDsl.Generators.Tests;

/// <summary>
/// One test per diagnostic of blocks, stages and families (SDSL0022 on): the declaration compiles, and the generator
/// reports exactly that diagnostic at the asserted line and column (1-based) on the asserted source text.
/// </summary>
public class CompositionDiagnosticTests
{
    /// <summary>A basic block written for 8 channels, the stride on its first convolution.</summary>
    private const string Block = """
        using SparseDsl;
        namespace T;

        [Block]
        [Conv2d(8, 3, Padding = 1, Strided = true, Bias = false), BatchNorm2d, ReLU]
        [Conv2d(8, 3, Padding = 1, Bias = false), BatchNorm2d]
        [Residual]
        [ReLU]
        public partial record B;

        """;

    [Fact]
    public void A_clean_declaration_with_blocks_stages_and_a_family_produces_no_diagnostics()
    {
        var result = GeneratorHarness.Run(Block + """
            [ModelFamily(3, 16, 16, BaseWidth = 8)]
            [Conv2d(8, 3, Padding = 1), ReLU]
            [Stage(typeof(B), 8, Blocks = 2), Stage(typeof(B), 16, Stride = 2)]
            [GlobalAvgPool, Linear(10)]
            [Variant("net"), Variant("net_wide", Width = 16, Blocks = 3)]
            public partial record NetFamily;
            """);
        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Exception);
    }

    [Fact]
    public void SDSL0022_stage_of_a_type_that_is_not_a_block()
    {
        var d = Single(Block + """
            public partial record Plain;

            [SparseModel(3, 8, 8)]
            [Stage(typeof(Plain), 8)]
            public partial record M;
            """, "SDSL0022", 13, 8, "typeof(Plain)");
        Assert.StartsWith("'T.Plain' is not a block of this project; declare it here as a partial record with [Block]", d.GetMessage());
    }

    [Fact]
    public void SDSL0022_variant_block_that_is_not_a_block() => Single(Block + """
        [ModelFamily(3, 8, 8)]
        [Stage(typeof(B), 8)]
        [Variant("v", Block = typeof(string))]
        public partial record F;
        """, "SDSL0022", 12, 15, "Block = typeof(string)");

    [Fact]
    public void SDSL0023_identity_shortcut_when_the_stage_changes_channels()
    {
        var d = Single("""
            using SparseDsl;
            namespace T;

            [Block]
            [Conv2d(8, 3, Padding = 1)]
            [Residual(Shortcut.Identity)]
            public partial record B;

            [SparseModel(4, 8, 8)]
            [Stage(typeof(B), 8)]
            public partial record M;
            """, "SDSL0023", 10, 2, "Stage(typeof(B), 8)");
        Assert.Equal("Residual 'stages.0.blocks.0.residual1' cannot add its shortcut: the shortcut gives [4, 8, 8] but the block gives [8, 8, 8]; "
            + "an identity shortcut needs the same channels and a stride of 1; use Shortcut.Conv or Shortcut.ConvBatchNorm", d.GetMessage());
    }

    [Fact]
    public void SDSL0023_body_that_shrinks_without_a_stride() => Single("""
        using SparseDsl;
        namespace T;

        [Block]
        [Conv2d(8, 3)]
        [Residual]
        public partial record B;

        [SparseModel(8, 8, 8)]
        [Stage(typeof(B), 8)]
        public partial record M;
        """, "SDSL0023", 10, 2, "Stage(typeof(B), 8)");

    [Theory]
    [InlineData("[SparseModel(4)]\n[Linear(8), Residual]\npublic partial record M;", 5, 13, "Residual")]
    [InlineData("[SparseModel(3, 8, 8)]\n[Conv2d(8, 3, Strided = true)]\npublic partial record M;", 5, 15, "Strided = true")]
    [InlineData("[Block]\n[Conv2d(8, 3, In = 3)]\npublic partial record B;", 5, 15, "In = 3")]
    [InlineData("[Block]\n[Conv2d(8, 3), Flatten]\npublic partial record B;", 5, 16, "Flatten")]
    [InlineData("[Block]\n[BatchNorm2d, Conv2d(8, 3)]\npublic partial record Inner;\n[Block]\n[Conv2d(8, 3), Stage(typeof(Inner), 8)]\npublic partial record B;", 8, 16, "Stage(typeof(Inner), 8)")]
    [InlineData("[Block]\n[Conv2d(8, 3)]\n[Residual(ProjectPreActivated = true)]\npublic partial record B;", 6, 11, "ProjectPreActivated = true")]
    public void SDSL0024_not_allowed_here(string declaration, int line, int column, string located) =>
        Single("using SparseDsl;\nnamespace T;\n\n" + declaration, "SDSL0024", line, column, located);

    [Theory]
    [InlineData("[SparseModel(4)]\n[ModelFamily(4)]\n[Linear(2)]\n[Variant(\"v\")]\npublic partial record M;", 4, 2, "SparseModel(4)")]
    [InlineData("[Block]\n[Conv2d(8, 3, Strided = true, Stride = 2)]\npublic partial record B;", 5, 31, "Stride = 2")]
    [InlineData("[Block]\n[Conv2d(8, 3), Residual, Residual]\npublic partial record B;", 5, 26, "Residual")]
    [InlineData("[Block]\n[Conv2d(8, 3)]\n[Residual(Shortcut.Identity, ProjectPreActivated = true)]\npublic partial record B;", 6, 30, "ProjectPreActivated = true")]
    [InlineData("[Block]\n[SparseModel(3, 8, 8)]\n[Conv2d(8, 3)]\npublic partial record B;", 4, 2, "Block")]
    public void SDSL0025_conflicting_attributes(string declaration, int line, int column, string located) =>
        Single("using SparseDsl;\nnamespace T;\n\n" + declaration, "SDSL0025", line, column, located);

    [Fact]
    public void SDSL0025_blocks_and_stage_blocks_on_one_variant() => Single(Block + """
        [ModelFamily(3, 8, 8)]
        [Stage(typeof(B), 8)]
        [Variant("v", Blocks = 2, StageBlocks = [2])]
        public partial record F;
        """, "SDSL0025", 12, 27, "StageBlocks = [2]");

    [Fact]
    public void SDSL0026_stage_channels_the_block_cannot_scale_to()
    {
        var d = Single("""
            using SparseDsl;
            namespace T;

            [Block]
            [Conv2d(64, 1), BatchNorm2d, ReLU]
            [Conv2d(256, 1)]
            public partial record Bottle;

            [SparseModel(16, 4, 4)]
            [Stage(typeof(Bottle), 102)]
            public partial record M;
            """, "SDSL0026", 10, 2, "Stage(typeof(Bottle), 102)");
        Assert.Equal("Stage channels 102 do not scale block 'Bottle' (written for 256 output channels) to whole channel counts: "
            + "layer 'stages.0.blocks.0.conv1' would get 25.5; use a multiple of 4", d.GetMessage());
    }

    [Fact]
    public void SDSL0027_width_that_gives_a_fraction_of_a_channel()
    {
        var d = Single("""
            using SparseDsl;
            namespace T;

            [ModelFamily(1, 8, 8, BaseWidth = 16)]
            [Conv2d(6, 3), ReLU, Flatten, Linear(10)]
            [Variant("ok", Width = 32), Variant("bad", Width = 20)]
            public partial record F;
            """, "SDSL0027", 6, 29, "Variant(\"bad\", Width = 20)");
        Assert.StartsWith("Width 20 of variant 'bad' scales 6 channels of 'conv1' to 7.5", d.GetMessage());
    }

    [Fact]
    public void SDSL0028_family_without_variants() => Single("""
        using SparseDsl;
        namespace T;

        [ModelFamily(4)]
        [Linear(2)]
        public partial record F;
        """, "SDSL0028", 6, 23, "F");

    [Fact]
    public void SDSL0029_variant_on_a_plain_model() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(4)]
        [Linear(2)]
        [Variant("v")]
        public partial record M;
        """, "SDSL0029", 6, 2, "Variant(\"v\")");

    [Fact]
    public void SDSL0030_stage_blocks_count_differs_from_the_stages()
    {
        var d = Single(Block + """
            [ModelFamily(3, 8, 8)]
            [Stage(typeof(B), 8), Stage(typeof(B), 8)]
            [Variant("v", StageBlocks = [1, 2, 3])]
            public partial record F;
            """, "SDSL0030", 12, 15, "StageBlocks = [1, 2, 3]");
        Assert.Equal("StageBlocks of variant 'v' lists 3 counts but 'F' has 2 stages; give one count per stage", d.GetMessage());
    }

    [Fact]
    public void SDSL0031_stage_stride_without_a_strided_convolution() => Single("""
        using SparseDsl;
        namespace T;

        [Block]
        [Conv2d(8, 3, Padding = 1), ReLU]
        public partial record Plain;

        [SparseModel(3, 8, 8)]
        [Stage(typeof(Plain), 8, Stride = 2)]
        public partial record M;
        """, "SDSL0031", 9, 26, "Stride = 2");

    [Fact]
    public void SDSL0032_layer_with_parameters_between_stages() => Single(Block + """
        [SparseModel(8, 8, 8)]
        [Stage(typeof(B), 8), BatchNorm2d, Stage(typeof(B), 8)]
        public partial record M;
        """, "SDSL0032", 11, 23, "BatchNorm2d");

    [Fact]
    public void SDSL0033_block_without_a_convolution() => Single("""
        using SparseDsl;
        namespace T;

        [Block]
        [BatchNorm2d, ReLU]
        public partial record B;
        """, "SDSL0033", 6, 23, "B");

    [Fact]
    public void SDSL0034_non_constant_argument_explains_how_to_vary_a_size()
    {
        const string source = """
            using SparseDsl;
            namespace T;

            public static class Sizes { public static int Hidden => 100; }

            [SparseModel(4)]
            [Linear(Sizes.Hidden), Linear(10)]
            public partial record M;
            """;
        // The compiler rejects the argument too (CS0182); the generator says what to do instead.
        Assert.Contains(GeneratorHarness.Compilation(source).GetDiagnostics(), d => d.Id == "CS0182");
        var d = Assert.Single(GeneratorHarness.Run(source).Diagnostics);
        Assert.Equal("SDSL0034", d.Id);
        Assert.Equal("Sizes.Hidden", source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.Equal((7, 9), (d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1));
        Assert.Contains("use a literal or a const field, or declare a [ModelFamily]", d.GetMessage());
    }

    [Theory]
    [InlineData("[Variant(\"16layers\")]", 6, 10, "\"16layers\"", "it is not a C# identifier")]
    [InlineData("[Variant(\"v\"), Variant(\"V\")]", 6, 24, "\"V\"", "another variant of 'F' generates it")]
    [InlineData("[Variant(\"v\", TypeName = \"F\")]", 6, 15, "TypeName = \"F\"", "a type of that name is already declared")]
    [InlineData("[Variant(\"\")]", 6, 10, "\"\"", "the variant has no name")]
    public void SDSL0035_variant_type_name_that_cannot_be_generated(string variants, int line, int column, string located, string reason)
    {
        var d = Single("using SparseDsl;\nnamespace T;\n\n[ModelFamily(4)]\n[Linear(2)]\n" + variants + "\npublic partial record F;",
            "SDSL0035", line, column, located);
        Assert.Contains(reason, d.GetMessage());
    }

    [Fact]
    public void SDSL0036_layer_too_large_to_count()
    {
        var d = Single("""
            using SparseDsl;
            namespace T;

            [SparseModel(3, 100000, 100000)]
            [Conv2d(1000, 3), Flatten, Linear(10)]
            public partial record M;
            """, "SDSL0036", 5, 2, "Conv2d(1000, 3)");
        Assert.Equal("Layer 'conv1' is too large: its output would exceed 2^40; use smaller sizes", d.GetMessage());
    }

    [Fact]
    public void Block_layer_names_are_checked_like_model_layer_names() => Single("""
        using SparseDsl;
        namespace T;

        [Block]
        [Conv2d(8, 3, Name = "shortcut")]
        public partial record B;
        """, "SDSL0012", 5, 15, "Name = \"shortcut\"");

    [Fact]
    public void Block_must_be_partial() => Single("""
        using SparseDsl;
        namespace T;

        [Block]
        [Conv2d(8, 3)]
        public record B;
        """, "SDSL0001", 6, 15, "B");
}
