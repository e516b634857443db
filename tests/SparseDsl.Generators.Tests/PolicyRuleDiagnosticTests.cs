using Microsoft.CodeAnalysis;
using SparseDsl.Generators.Tests.Infrastructure;

namespace SparseDsl.Generators.Tests;

/// <summary>
/// Diagnostics of policy layer rules (KeepDense, [LayerDensity], Models): each at the offending argument, an error where
/// the policy names the model, a warning (and the model's table left out) where it applies to every model.
/// </summary>
public class PolicyRuleDiagnosticTests
{
    // The model of DiagnosticTests and a blank line: policies start on line 13.
    private const string LeNet5 = DiagnosticTests.LeNet5 + "\n\n";

    private static Diagnostic Single(string policy, string id, int line, int column, string locatedText) =>
        DiagnosticTests.Single(LeNet5 + policy, id, line, column, locatedText);

    private static string LeNet5Tables(string policy) => GeneratorHarness.Run(LeNet5 + policy).Source("T.LeNet5.g.cs");

    [Fact]
    public void SDSL0037_selector_matching_no_layer_of_a_named_model_is_an_error()
    {
        var d = Single("""
            [SparsityPolicy(Allocation.Erk, 0.1, KeepDense = ["first", "conv9"], Models = ["lenet5"])]
            public partial record P;
            """, "SDSL0037", 13, 60, "\"conv9\"");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("'conv9' selects no masked layer", d.GetMessage());
        Assert.Contains("conv1, conv2, fc1, fc2, fc3", d.GetMessage());
    }

    [Fact]
    public void SDSL0037_selector_matching_no_layer_of_an_unnamed_model_is_a_warning_and_leaves_the_table_out()
    {
        const string policy = """
            [SparsityPolicy(Allocation.Erk, 0.1)]
            [LayerDensity("BatchNorm2d", 0.5)]
            public partial record P;
            """;
        var d = Single(policy, "SDSL0037", 14, 15, "\"BatchNorm2d\"");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("left out of 'LeNet5.DensityTables'", d.GetMessage());
        Assert.Contains("DensityTables { get; } = new global::SparseDsl.Modeling.DensityTable[0];", LeNet5Tables(policy));
    }

    [Fact]
    public void SDSL0038_two_selectors_giving_a_named_models_layer_two_densities()
    {
        var d = Single("""
            [SparsityPolicy(Allocation.Uniform, 0.1, KeepDense = ["first"], Models = ["LeNet5"])]
            [LayerDensity("conv1", 0.5)]
            public partial record P;
            """, "SDSL0038", 14, 15, "\"conv1\"");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("layer 'conv1' gets two densities, 1 from KeepDense 'first' and 0.5 from density 0.5 for 'conv1'", d.GetMessage());
    }

    [Fact]
    public void SDSL0038_one_selector_at_two_densities_is_an_error_on_every_model()
    {
        var d = Single("""
            [SparsityPolicy(Allocation.Erk, 0.1)]
            [LayerDensity("fc1", 0.05)]
            [LayerDensity("fc1", 0.2)]
            public partial record P;
            """, "SDSL0038", 15, 15, "\"fc1\"");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("0.05 from density 0.05 for 'fc1' and 0.2 from density 0.2 for 'fc1'", d.GetMessage());
    }

    [Fact]
    public void SDSL0039_explicit_policy_leaving_layers_without_a_density()
    {
        var d = Single("""
            [SparsityPolicy(Allocation.Explicit, Models = ["lenet5"])]
            [LayerDensity("Conv2d", 0.5)]
            public partial record P;
            """, "SDSL0039", 13, 2, "SparsityPolicy(Allocation.Explicit, Models = [\"lenet5\"])");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("gives no density to layers fc1, fc2, fc3 of model 'LeNet5'", d.GetMessage());
    }

    [Fact]
    public void SDSL0040_dense_layers_alone_exceeding_the_budget_of_a_named_model()
    {
        // Every Linear layer dense keeps 58920 weights; density 0.5 allows 30735.
        var d = Single("""
            [SparsityPolicy(Allocation.Erk, 0.5, KeepDense = ["Linear"], Models = ["lenet5"])]
            public partial record P;
            """, "SDSL0040", 13, 33, "0.5");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("58920", d.GetMessage());
        Assert.Contains("30735", d.GetMessage());
    }

    [Fact]
    public void SDSL0040_on_an_unnamed_model_is_a_warning_and_leaves_the_table_out()
    {
        const string policy = """
            [SparsityPolicy(Allocation.Uniform, 0.02)]
            [LayerDensity("fc1", 0.05)]
            public partial record P;
            """;
        var d = Single(policy, "SDSL0040", 13, 37, "0.02");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("DensityTables { get; } = new global::SparseDsl.Modeling.DensityTable[0];", LeNet5Tables(policy));
    }

    [Fact]
    public void SDSL0018_a_budget_without_rules_that_a_named_model_cannot_meet_is_an_error()
    {
        var d = Single("""
            [SparsityPolicy(Allocation.ErkPlus, 0.01, Models = ["lenet5"])]
            public partial record P;
            """, "SDSL0018", 13, 2, "SparsityPolicy(Allocation.ErkPlus, 0.01, Models = [\"lenet5\"])");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }

    [Fact]
    public void SDSL0041_models_naming_no_model_of_the_compilation()
    {
        var d = Single("""
            [SparsityPolicy(Allocation.Erk, 0.1, Models = ["lenet5", "lenet6"])]
            public partial record P;
            """, "SDSL0041", 13, 58, "\"lenet6\"");
        Assert.Contains("use one of lenet5", d.GetMessage());
    }

    [Fact]
    public void A_layer_density_outside_0_1_is_SDSL0016_at_the_density() => Single("""
        [SparsityPolicy(Allocation.Erk, 0.1)]
        [LayerDensity("fc1", 1.5)]
        public partial record P;
        """, "SDSL0016", 14, 22, "1.5");

    [Fact]
    public void Rules_on_an_allocation_that_fixes_its_own_layers_are_SDSL0025() => Single("""
        [SparsityPolicy(Allocation.ErkPlus, 0.1, KeepDense = ["fc3"])]
        public partial record P;
        """, "SDSL0025", 13, 55, "\"fc3\"");

    [Fact]
    public void An_explicit_policy_with_a_density_is_SDSL0025() => Single("""
        [SparsityPolicy(Allocation.Explicit, 0.1, KeepDense = ["Conv2d", "Linear"])]
        public partial record P;
        """, "SDSL0025", 13, 38, "0.1");

    [Fact]
    public void An_empty_keep_dense_selector_is_SDSL0011() => Single("""
        [SparsityPolicy(Allocation.Erk, 0.1, KeepDense = [" "])]
        public partial record P;
        """, "SDSL0011", 13, 51, "\" \"");

    [Fact]
    public void Layer_density_without_a_policy_is_SDSL0024() => Single("""
        [LayerDensity("fc1", 0.1)]
        public partial record P;
        """, "SDSL0024", 13, 2, "LayerDensity(\"fc1\", 0.1)");

    [Fact]
    public void Rules_and_models_reach_the_generated_policy_and_only_the_named_models_get_a_table()
    {
        var source = LeNet5 + """
            [SparseModel(4)]
            [Linear(3)]
            public partial record Tiny;

            [SparsityPolicy(Allocation.Erk, 0.1, KeepDense = ["first"], Models = ["lenet5"])]
            [LayerDensity("fc1", 0.05)]
            public partial record P;
            """;
        var result = GeneratorHarness.Run(source);
        Assert.Empty(result.Diagnostics);
        var policy = result.Source("T.P.Policy.g.cs");
        Assert.Contains("Rules = new global::SparseDsl.Sparsity.LayerRules(keepDense: [\"first\"], densities: new global::System.Collections.Generic.Dictionary<string, double> { [\"fc1\"] = 0.05 }),", policy);
        Assert.Contains("Models = [\"lenet5\"],", policy);
        Assert.Contains("new global::SparseDsl.Modeling.DensityTable(\"P\", global::SparseDsl.Allocation.Erk, 0.1, 1.0, [\"conv1\", \"conv2\", \"fc1\", \"fc2\", \"fc3\"], [1.0, ",
            result.Source("T.LeNet5.g.cs"));
        Assert.Contains("DensityTables { get; } = new global::SparseDsl.Modeling.DensityTable[0];", result.Source("T.Tiny.g.cs"));
    }
}
