using SparseDsl.Generated;
using SparseDsl.Sparsity;

namespace SparseDsl.Tests;

/// <summary>Per-layer realised density and sparse forward MACs (dense MACs × density) for result reporting.</summary>
public class RatiosSummaryTests
{
    [Fact]
    public void Half_density_halves_every_layers_macs()
    {
        // LeNet-5: MACs per sample 117600 + 240000 + 48000 + 10080 + 840 = 416520; every layer has an even weight count,
        // so exact sampling at 0.5 keeps exactly half of each and the sparse cost is exactly half.
        using var model = ModelCatalog.Find("lenet5")!.Create();
        RandomMasks.Apply(model, LayerDensities.For(model.Info, Allocation.Uniform, 0.5), seed: 1, MaskSampling.Exact);
        var summary = SparsitySummary.Of(model);
        Assert.Equal([117600L, 240000, 48000, 10080, 840], summary.Layers.Select(l => l.DenseMacs));
        Assert.All(summary.Layers, l => Assert.Equal(0.5, l.Density));
        Assert.Equal(416520, summary.ModelDenseMacs);
        Assert.Equal(208260, summary.SparseMacs);
        Assert.Equal(0.5, summary.GlobalDensity);
    }

    [Fact]
    public void The_summary_from_the_mask_report_equals_the_one_read_from_the_masks()
    {
        using var model = ModelCatalog.Find("lenet5")!.Create();
        var report = RandomMasks.Apply(model, LayerDensities.For(model.Info, Allocation.Erk, 0.1), seed: 2, MaskSampling.Bernoulli);
        var fromReport = SparsitySummary.Of(model.Info, report);
        var fromMasks = SparsitySummary.Of(model);
        Assert.Equal(fromReport.Layers, fromMasks.Layers, (a, b) => a.Name == b.Name && a.Kept == b.Kept && a.DenseMacs == b.DenseMacs);
        Assert.Equal(fromReport.SparseMacs, fromMasks.SparseMacs);
        // conv1: 117600 dense MACs over 150 weights → 784 MACs per kept weight.
        Assert.Equal(784.0 * fromMasks.Layers[0].Kept, fromMasks.Layers[0].SparseMacs, 1e-9);
        Assert.Equal(fromMasks.Layers.Sum(l => l.SparseMacs), fromMasks.SparseMacs, 1e-6);
    }

    [Fact]
    public void An_unpruned_model_costs_its_dense_macs()
    {
        using var model = ModelCatalog.Find("mlp")!.Create();
        var summary = SparsitySummary.Of(model);
        Assert.Equal(1.0, summary.GlobalDensity);
        Assert.Equal(summary.ModelDenseMacs, summary.SparseMacs);
        Assert.Equal(266200, summary.ModelDenseMacs);
    }
}
