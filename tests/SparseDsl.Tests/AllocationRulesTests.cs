using SparseDsl.Generated;
using SparseDsl.Modeling;
using SparseDsl.Sparsity;

namespace SparseDsl.Tests;

/// <summary>Layers kept dense or at given densities, the explicit policy, and clear errors when a budget cannot be met.</summary>
public class AllocationRulesTests
{
    // LeNet-5's masked layers: conv1 150, conv2 2400, fc1 48000, fc2 10080, fc3 840 weights; N = 61470.
    private static ModelInfo LeNet5 => ModelCatalog.Find("lenet5")!.Info;

    private static double Kept(ModelInfo model, IReadOnlyList<double> densities) =>
        model.PrunableLayers.Select((l, i) => densities[i] * l.WeightCount).Sum();

    [Fact]
    public void Keeping_a_named_layer_dense_spreads_the_rest_of_the_budget_by_erk()
    {
        var densities = LayerDensities.For(LeNet5, Allocation.Erk, 0.1, new LayerRules(keepDense: ["conv1"]));
        Assert.Equal(1.0, densities[0]);
        Assert.Equal(0.1 * 61470, Kept(LeNet5, densities), 1e-6);

        // The other layers are exactly ERK over them at (d·N − 150) / (N − 150).
        var rest = DensityAllocator.Allocate(Allocation.Erk, LeNet5.GetPrunableWeightShapes().Skip(1).ToList(), (6147.0 - 150) / (61470 - 150));
        for (var i = 1; i < densities.Length; i++) Assert.Equal(rest.Densities[i - 1], densities[i], 1e-12);
    }

    [Fact]
    public void Keeping_the_classifier_dense_under_erk_is_erk_plus()
    {
        var shapes = AllocationTests.CifarResNet(32);
        var viaRules = DensityAllocator.AllocateWithFixed(Allocation.Erk, shapes, 0.05, [.. shapes.Select((_, i) => i == shapes.Length - 1 ? 1.0 : (double?)null)]);
        var erkPlus = DensityAllocator.Allocate(Allocation.ErkPlus, shapes, 0.05);
        Assert.True(viaRules.Succeeded, viaRules.Error);
        Assert.Equal(erkPlus.Densities, viaRules.Densities);
    }

    [Fact]
    public void Selectors_name_layers_kinds_the_stem_and_the_classifier()
    {
        Assert.Equal([0], LayerRules.Select(LeNet5, "first"));
        Assert.Equal([4], LayerRules.Select(LeNet5, "classifier"));
        Assert.Equal([0, 1], LayerRules.Select(LeNet5, "conv2d"));
        Assert.Equal([2, 3, 4], LayerRules.Select(LeNet5, "Linear"));
        Assert.Equal([3], LayerRules.Select(LeNet5, "fc2"));
        Assert.Empty(LayerRules.Select(LeNet5, "FC2")); // layer names are exact
        Assert.Empty(LayerRules.Select(LeNet5, "ReLU")); // a kind without masked layers selects nothing
    }

    [Fact]
    public void A_given_layer_density_is_kept_and_the_other_layers_meet_the_budget()
    {
        var rules = new LayerRules(densities: new Dictionary<string, double> { ["fc1"] = 0.05 });
        var densities = LayerDensities.For(LeNet5, Allocation.Uniform, 0.1, rules);
        Assert.Equal(0.05, densities[2]);
        var rest = (6147.0 - 0.05 * 48000) / (61470 - 48000);
        Assert.All(new[] { densities[0], densities[1], densities[3], densities[4] }, d => Assert.Equal(rest, d, 1e-15));
        Assert.Equal(6147, Kept(LeNet5, densities), 1e-6);
    }

    [Fact]
    public void Dense_layers_that_exceed_the_budget_are_a_clear_error()
    {
        // Every Linear layer dense keeps 58920 weights; density 0.5 allows 30735.
        var e = Assert.Throws<ArgumentException>(() => LayerDensities.For(LeNet5, Allocation.Erk, 0.5, new LayerRules(keepDense: ["Linear"])));
        Assert.Contains("LeNet5", e.Message);
        Assert.Contains("58920", e.Message);
        Assert.Contains("30735", e.Message);
        Assert.Contains("keep fewer layers dense", e.Message);
    }

    [Fact]
    public void Free_layers_that_would_need_more_than_density_one_are_a_clear_error()
    {
        // fc1 at 0.01 keeps 480; density 0.9 needs 55323 − 480 from the 13470 other weights: density > 1.
        var rules = new LayerRules(densities: new Dictionary<string, double> { ["fc1"] = 0.01 });
        var e = Assert.Throws<ArgumentException>(() => LayerDensities.For(LeNet5, Allocation.Uniform, 0.9, rules));
        Assert.Contains("> 1", e.Message);
    }

    [Fact]
    public void Unknown_selectors_and_conflicting_rules_are_refused_with_the_names_there_are()
    {
        var unknown = Assert.Throws<ArgumentException>(() => new LayerRules(keepDense: ["conv9"]).Resolve(LeNet5));
        Assert.Contains("'conv9'", unknown.Message);
        Assert.Contains("conv1, conv2, fc1, fc2, fc3", unknown.Message);

        var conflict = Assert.Throws<ArgumentException>(() =>
            new LayerRules(keepDense: ["first"], densities: new Dictionary<string, double> { ["conv1"] = 0.5 }).Resolve(LeNet5));
        Assert.Contains("two densities", conflict.Message);

        var outOfRange = Assert.Throws<ArgumentException>(() =>
            new LayerRules(densities: new Dictionary<string, double> { ["fc1"] = 1.5 }).Resolve(LeNet5));
        Assert.Contains("outside (0, 1]", outOfRange.Message);
    }

    [Theory]
    [InlineData(Allocation.UniformPlus)]
    [InlineData(Allocation.ErkPlus)]
    public void Allocations_that_fix_their_own_layers_take_no_rules(Allocation allocation)
    {
        var e = Assert.Throws<ArgumentException>(() => LayerDensities.For(LeNet5, allocation, 0.1, new LayerRules(keepDense: ["fc3"])));
        Assert.Contains("fixes its own layers", e.Message);
    }

    [Fact]
    public void Rules_fixing_every_layer_leave_nothing_to_allocate()
    {
        var e = Assert.Throws<ArgumentException>(() => LayerDensities.For(LeNet5, Allocation.Erk, 0.99, new LayerRules(keepDense: ["Conv2d", "Linear"])));
        Assert.Contains("explicit", e.Message);
    }

    [Fact]
    public void Dense_ignores_rules()
    {
        var rules = new LayerRules(densities: new Dictionary<string, double> { ["fc1"] = 0.05 });
        Assert.All(LayerDensities.For(LeNet5, Allocation.Dense, 1.0, rules), d => Assert.Equal(1.0, d));
    }

    [Fact]
    public void Explicit_takes_every_layer_from_the_rules_and_implies_the_global_density()
    {
        var rules = new LayerRules(
            keepDense: ["first", "classifier"],
            densities: new Dictionary<string, double> { ["conv2"] = 0.5, ["fc1"] = 0.05, ["fc2"] = 0.2 });
        var densities = LayerDensities.Explicit(LeNet5, rules);
        Assert.Equal([1.0, 0.5, 0.05, 0.2, 1.0], densities);
        Assert.Equal((150 + 1200 + 2400 + 2016 + 840) / 61470.0, LayerDensities.Global(LeNet5, densities), 1e-15);
    }

    [Fact]
    public void Explicit_names_the_layers_without_a_density()
    {
        var e = Assert.Throws<ArgumentException>(() => LayerDensities.Explicit(LeNet5, new LayerRules(keepDense: ["Conv2d"])));
        Assert.Contains("fc1, fc2, fc3", e.Message);
    }

    [Fact]
    public void Policy_names_cover_allocations_criteria_and_explicit()
    {
        Assert.True(RatioPolicy.TryParse(" ERK+ ", out var erkPlus));
        Assert.Equal(Allocation.ErkPlus, erkPlus.Allocation);
        Assert.True(RatioPolicy.TryParse("synflow", out var synflow));
        Assert.False(synflow.NeedsData);
        Assert.True(RatioPolicy.TryParse("snip", out var snip));
        Assert.True(snip.NeedsData);
        Assert.True(RatioPolicy.TryParse("explicit", out var explicitPolicy));
        Assert.True(explicitPolicy.IsExplicit);
        Assert.False(RatioPolicy.TryParse("magnitude", out _));
        Assert.Equal(10, RatioPolicy.All.Count);
    }

    [Fact]
    public void Policy_densities_apply_rules_to_allocations_and_refuse_them_for_criteria()
    {
        using var model = ModelCatalog.Find("lenet5")!.Create();
        var rules = new LayerRules(keepDense: ["classifier"]);
        RatioPolicy.TryParse("erk", out var erk);
        Assert.Equal(LayerDensities.For(model.Info, Allocation.Erk, 0.1, rules), PolicyDensities.Compute(model, new RatioRequest(erk!, 0.1) { Rules = rules }));

        RatioPolicy.TryParse("synflow", out var synflow);
        var e = Assert.Throws<ArgumentException>(() => PolicyDensities.Compute(model, new RatioRequest(synflow!, 0.1) { Rules = rules }));
        Assert.Contains("no per-layer rules", e.Message);

        RatioPolicy.TryParse("snip", out var snip);
        Assert.Contains("training data", Assert.Throws<ArgumentException>(() => PolicyDensities.Compute(model, new RatioRequest(snip!, 0.1))).Message);
    }
}
