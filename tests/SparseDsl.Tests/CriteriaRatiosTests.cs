using SparseDsl.Data;
using SparseDsl.Generated;
using SparseDsl.Modeling;
using SparseDsl.Sparsity;
using SparseDsl.Sparsity.Criteria;
using SparseDsl.Training;

namespace SparseDsl.Tests;

/// <summary>SNIP, GraSP and SynFlow ratios of LeNet-5 on Fashion-MNIST: the budget holds and the shape is not uniform.</summary>
public class CriteriaRatiosTests
{
    private const double Density = 0.1;

    private static readonly Lazy<ImageDataset> Images = new(() =>
    {
        var (train, _) = FashionMnist.Load();
        return train.Subset([.. Enumerable.Range(0, 2000).Select(i => (long)i)]);
    });

    // Each criterion runs once for all the tests that look at its ratios.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<double[]>> Computed = new();

    private static double[] Ratios(string policyName) => Computed.GetOrAdd(policyName, name => new(() =>
    {
        RatioPolicy.TryParse(name, out var policy);
        using var data = new DeviceBatches(Images.Value, CPU);
        using var model = FreshLeNet();
        return PolicyDensities.Compute(model, new RatioRequest(policy!, Density), data);
    })).Value;

    private static SparseModule FreshLeNet()
    {
        manual_seed(17);
        var model = ModelCatalog.Find("lenet5")!.Create();
        Initialization.KaimingNormal(model);
        return model;
    }

    private static double Kept(ModelInfo info, double[] densities) => info.PrunableLayers.Select((l, i) => densities[i] * l.WeightCount).Sum();

    [Theory]
    [InlineData("snip")]
    [InlineData("grasp")]
    [InlineData("synflow")]
    public void Ratios_hit_the_budget_and_are_not_uniform(string policy)
    {
        var densities = Ratios(policy);
        using var model = FreshLeNet();
        // SNIP and GraSP keep exactly ⌊N·d⌋ = 6147 weights (ties share places); SynFlow prunes ties, so it may keep a few fewer.
        var kept = Kept(model.Info, densities);
        if (policy == "synflow") Assert.InRange(kept, 6147 - 30, 6147 + 1e-6);
        else Assert.Equal(6147, kept, 1e-6);
        Assert.All(densities, d => Assert.InRange(d, 1e-9, 1.0));
        Assert.True(densities.Max() - densities.Min() > 0.05, $"{policy} densities look uniform: {string.Join(", ", densities)}");

        // Each layer's density is a whole number of weights, so exact sampling realises the ranking's count exactly.
        var report = RandomMasks.Apply(model, densities, seed: 17, MaskSampling.Exact);
        Assert.Equal(kept, report.Kept, 1e-6);
    }

    [Theory]
    [InlineData("snip")]
    [InlineData("synflow")]
    public void Snip_and_synflow_keep_the_small_first_layer_denser_than_the_large_fc1(string policy)
    {
        // Both rank small layers' weights higher (conv1 has 150 weights, fc1 48000): the ERK-like shape the paper reports.
        var densities = Ratios(policy);
        Assert.True(densities[0] > Density && densities[0] > densities[2],
            $"{policy}: conv1 {densities[0]} should exceed fc1 {densities[2]} and the global {Density}");
        Assert.True(densities[2] < Density, $"{policy}: fc1, the largest layer, should be below the global density; got {densities[2]}");
    }

    [Fact]
    public void Snip_ratio_puts_the_models_own_weights_back_after_scoring_a_xavier_copy()
    {
        manual_seed(5);
        using var model = ModelCatalog.Find("lenet5")!.Create();
        using var scope = NewDisposeScope();
        var before = model.state_dict().Select(t => t.tensor.clone()).ToList();
        using var data = new DeviceBatches(Images.Value, CPU);
        var (x, y) = CriterionData.FirstBatch(data, 64, seed: 1);
        var xavier = CriterionRatios.Snip(model, x, y, Density, reinitialiseXavier: true, seed: 9);
        Assert.All(model.state_dict().Zip(before), p => Assert.True(p.First.tensor.equal(p.Second)));
        Assert.Equal(xavier, CriterionRatios.Snip(model, x, y, Density, reinitialiseXavier: true, seed: 9));
        Assert.NotEqual(xavier, CriterionRatios.Snip(model, x, y, Density, reinitialiseXavier: false));
    }

    [Fact]
    public void Grasp_data_holds_25_samples_of_every_class()
    {
        using var data = new DeviceBatches(Images.Value, CPU);
        using var scope = NewDisposeScope();
        var (inputs, targets) = CriterionData.PerClass(data, 25, seed: 17);
        Assert.Equal([1, 28, 28], inputs.shape[1..]);
        var counts = targets.data<long>().GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, counts.Count);
        Assert.All(counts.Values, c => Assert.Equal(25, c));
    }
}
