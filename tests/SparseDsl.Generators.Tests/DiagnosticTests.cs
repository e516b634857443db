using Microsoft.CodeAnalysis;
using SparseDsl.Generators.Tests.Infrastructure;

namespace SparseDsl.Generators.Tests;

/// <summary>
/// One test per generator diagnostic: the declaration compiles, and the generator reports exactly that diagnostic at
/// the asserted line and column (1-based) on the asserted source text.
/// </summary>
public class DiagnosticTests
{
    internal const string LeNet5 = """
        using SparseDsl;
        namespace T;

        [SparseModel(1, 28, 28, Name = "lenet5")]
        [Conv2d(6, 5, Padding = 2), ReLU, MaxPool2d(2)]
        [Conv2d(16, 5), ReLU, MaxPool2d(2)]
        [Flatten]
        [Linear(120), ReLU]
        [Linear(84), ReLU]
        [Linear(10)]
        public partial record LeNet5;
        """;

    internal static Diagnostic Single(string source, string id, int line, int column, string locatedText)
    {
        var compilation = GeneratorHarness.Compilation(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var result = GeneratorHarness.Run(compilation);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.DeclarationsPath, position.Path);
        Assert.Equal((line, column), (position.StartLinePosition.Line + 1, position.StartLinePosition.Character + 1));
        Assert.Equal(locatedText, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        return diagnostic;
    }

    [Fact]
    public void A_clean_LeNet5_declaration_produces_no_diagnostics()
    {
        var compilation = GeneratorHarness.Compilation(LeNet5);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var result = GeneratorHarness.Run(compilation);
        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Exception);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "T.LeNet5.g.cs");
    }

    [Fact]
    public void SDSL0001_model_not_partial()
    {
        var d = Single("""
            using SparseDsl;
            namespace T;

            [SparseModel(4)]
            [Linear(2)]
            public record Tiny;
            """, "SDSL0001", 6, 15, "Tiny");
        Assert.Contains("add the 'partial' modifier", d.GetMessage());
    }

    [Fact]
    public void SDSL0001_policy_not_partial() => Single("""
        using SparseDsl;
        namespace T;

        [SparsityPolicy(Allocation.Erk, 0.1)]
        public record Erk90;
        """, "SDSL0001", 5, 15, "Erk90");

    [Fact]
    public void SDSL0002_nested_model() => Single("""
        using SparseDsl;
        namespace T;

        public partial class Outer
        {
            [SparseModel(4)]
            [Linear(2)]
            public partial record Inner;
        }
        """, "SDSL0002", 8, 27, "Inner");

    [Fact]
    public void SDSL0002_generic_model() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(4)]
        [Linear(2)]
        public partial record Generic<TItem>;
        """, "SDSL0002", 6, 23, "Generic");

    [Fact]
    public void SDSL0003_model_without_layers() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(4)]
        public partial record Empty;
        """, "SDSL0003", 5, 23, "Empty");

    [Fact]
    public void SDSL0004_input_shape_of_two_dimensions() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(3, 28)]
        [Flatten, Linear(10)]
        public partial record M;
        """, "SDSL0004", 4, 2, "SparseModel(3, 28)");

    [Fact]
    public void SDSL0005_explicit_in_differs_from_the_inferred_channels()
    {
        var d = Single("""
            using SparseDsl;
            namespace T;

            [SparseModel(1, 28, 28)]
            [Conv2d(6, 5, In = 3)]
            public partial record M;
            """, "SDSL0005", 5, 15, "In = 3");
        Assert.Equal("Layer 'conv1' declares In = 3 but receives 1 channels from the previous layer; set In = 1 or remove In", d.GetMessage());
    }

    [Fact]
    public void SDSL0006_linear_after_a_spatial_layer_without_flatten()
    {
        var d = Single("""
            using SparseDsl;
            namespace T;

            [SparseModel(1, 28, 28)]
            [Conv2d(6, 5), ReLU]
            [Linear(10)]
            public partial record M;
            """, "SDSL0006", 6, 2, "Linear(10)");
        Assert.Contains("receives [6, 24, 24]; add [Flatten] or [GlobalAvgPool] before it", d.GetMessage());
    }

    [Fact]
    public void SDSL0007_conv_after_flatten() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(1, 28, 28)]
        [Flatten]
        [Conv2d(6, 5)]
        public partial record M;
        """, "SDSL0007", 6, 2, "Conv2d(6, 5)");

    [Fact]
    public void SDSL0008_kernel_larger_than_the_padded_input()
    {
        var d = Single("""
            using SparseDsl;
            namespace T;

            [SparseModel(1, 4, 4)]
            [Conv2d(6, 5)]
            public partial record M;
            """, "SDSL0008", 5, 12, "5");
        Assert.Contains("effective kernel of 5 but its padded input is only 4×4", d.GetMessage());
    }

    [Fact]
    public void SDSL0008_pool_window_larger_than_the_shrunken_input() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(1, 8, 8)]
        [MaxPool2d(2), MaxPool2d(2), MaxPool2d(4)]
        public partial record M;
        """, "SDSL0008", 5, 40, "4");

    [Fact]
    public void SDSL0009_non_positive_size() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(4)]
        [Linear(0)]
        public partial record M;
        """, "SDSL0009", 5, 9, "0");

    [Fact]
    public void SDSL0010_channels_not_divisible_by_groups() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(3, 8, 8)]
        [Conv2d(4, 3, Groups = 2)]
        public partial record M;
        """, "SDSL0010", 5, 15, "Groups = 2");

    [Fact]
    public void SDSL0011_dropout_probability_out_of_range() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(4)]
        [Linear(8), Dropout(1.5)]
        public partial record M;
        """, "SDSL0011", 5, 21, "1.5");

    [Theory]
    [InlineData("fc 1", "it is not a C# identifier")]
    [InlineData("class", "it is a C# keyword")]
    [InlineData("forward", "it is a member of the generated module")]
    public void SDSL0012_layer_name_that_cannot_be_a_field(string name, string reason)
    {
        var d = Single($$"""
            using SparseDsl;
            namespace T;

            [SparseModel(4)]
            [Linear(2, Name = "{{name}}")]
            public partial record M;
            """, "SDSL0012", 5, 12, $"Name = \"{name}\"");
        Assert.Contains(reason, d.GetMessage());
    }

    [Fact]
    public void SDSL0013_duplicate_layer_name() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(4)]
        [Linear(8, Name = "head"), Linear(2, Name = "head")]
        public partial record M;
        """, "SDSL0013", 5, 38, "Name = \"head\"");

    [Fact]
    public void SDSL0013_explicit_name_taking_a_later_default_name() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(4)]
        [Linear(8, Name = "fc2"), Linear(2)]
        public partial record M;
        """, "SDSL0013", 5, 27, "Linear(2)");

    [Fact]
    public void SDSL0014_layer_on_another_partial_declaration() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(4)]
        [Linear(2)]
        public partial record M;

        [Linear(3)]
        public partial record M;
        """, "SDSL0014", 8, 2, "Linear(3)");

    [Fact]
    public void SDSL0015_duplicate_model_alias_ignoring_case() => Single("""
        using SparseDsl;
        namespace T;

        [SparseModel(4, Name = "net")]
        [Linear(2)]
        public partial record A;

        [SparseModel(4, Name = "NET")]
        [Linear(2)]
        public partial record B;
        """, "SDSL0015", 8, 17, "Name = \"NET\"");

    [Fact]
    public void SDSL0016_density_outside_0_1() => Single("""
        using SparseDsl;
        namespace T;

        [SparsityPolicy(Allocation.Erk, 1.5)]
        public partial record P;
        """, "SDSL0016", 4, 33, "1.5");

    [Fact]
    public void SDSL0016_classifier_density_outside_0_1() => Single("""
        using SparseDsl;
        namespace T;

        [SparsityPolicy(Allocation.ErkPlus, 0.1, ClassifierDensity = 0)]
        public partial record P;
        """, "SDSL0016", 4, 42, "ClassifierDensity = 0");

    [Fact]
    public void SDSL0017_allocation_value_outside_the_enum() => Single("""
        using SparseDsl;
        namespace T;

        [SparsityPolicy((Allocation)42, 0.1)]
        public partial record P;
        """, "SDSL0017", 4, 17, "(Allocation)42");

    [Fact]
    public void SDSL0018_policy_whose_budget_a_model_cannot_meet_is_reported_on_the_policy()
    {
        var source = LeNet5 + """


            [SparsityPolicy(Allocation.ErkPlus, 0.01)]
            public partial record TooSparse;
            """;
        var d = Single(source, "SDSL0018", 13, 2, "SparsityPolicy(Allocation.ErkPlus, 0.01)");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.StartsWith("Policy 'TooSparse' cannot be applied to model 'LeNet5': the classifier alone at density 1 keeps 840 weights", d.GetMessage());

        // The infeasible table is left out; the model itself is still generated.
        var model = GeneratorHarness.Run(source).Source("T.LeNet5.g.cs");
        Assert.Contains("DensityTables { get; } = new global::SparseDsl.Modeling.DensityTable[0];", model);
    }

    [Fact]
    public void SDSL0019_dense_policy_with_a_density() => Single("""
        using SparseDsl;
        namespace T;

        [SparsityPolicy(Allocation.Dense, 0.5)]
        public partial record P;
        """, "SDSL0019", 4, 35, "0.5");

    [Fact]
    public void SDSL0021_duplicate_policy_name_ignoring_case() => Single("""
        using SparseDsl;
        namespace T;

        [SparsityPolicy(Allocation.Erk, 0.1, Name = "sparse")]
        public partial record P1;

        [SparsityPolicy(Allocation.Er, 0.1, Name = "Sparse")]
        public partial record P2;
        """, "SDSL0021", 7, 2, "SparsityPolicy(Allocation.Er, 0.1, Name = \"Sparse\")");

    [Fact]
    public void Every_descriptor_has_a_test_or_is_the_internal_failure()
    {
        // SDSL0020 (an unexpected exception turned into a diagnostic) has no source that triggers it by design.
        var tested = typeof(DiagnosticTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.Name)
            .Where(n => n.StartsWith("SDSL", StringComparison.Ordinal))
            .Select(n => n[..8])
            .Append("SDSL0020")
            .ToHashSet();
        var declared = GeneratorDescriptors.Ids();
        Assert.Equal(declared.Order(), tested.Order());
    }
}
