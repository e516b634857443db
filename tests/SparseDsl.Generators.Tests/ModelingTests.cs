using SparseDsl.Modeling;
using SparseDsl.Sparsity;

namespace SparseDsl.Generators.Tests;

/// <summary>The pure-data runtime types the generated code constructs.</summary>
public class ModelingTests
{
    private static ModelInfo TwoLayerMlp() => new(
        "Tiny", ["tiny"], [4],
        [
            new LayerInfo("fc1", LayerKind.Linear, [4], [8], [8, 4], 40, 32, true),
            new LayerInfo("relu1", LayerKind.ReLU, [8], [8], [], 0, 0, false),
            new LayerInfo("fc2", LayerKind.Linear, [8], [2], [2, 8], 18, 16, true),
        ]);

    [Fact]
    public void ModelInfo_sums_layers_and_lists_prunable_weights()
    {
        var info = TwoLayerMlp();
        Assert.Equal(58, info.ParameterCount);
        Assert.Equal(48, info.MacsPerSample);
        Assert.Equal(48, info.PrunableWeightCount);
        Assert.Equal([2L], info.OutputShape);
        Assert.Equal(["fc1", "fc2"], info.PrunableLayers.Select(l => l.Name));
        Assert.Equal([[8L, 4], [2L, 8]], info.GetPrunableWeightShapes());
        Assert.True(info.Matches("TINY") && info.Matches("Tiny"));
        Assert.False(info.Matches("small"));
        Assert.Null(info.FindLayer("fc3"));
    }

    [Fact]
    public void ModelInfo_copies_its_inputs()
    {
        long[] input = [4];
        var info = new ModelInfo("Copy", [], input, []);
        input[0] = 99;
        Assert.Equal([4L], info.InputShape);
        Assert.Equal([4L], info.OutputShape);
    }

    [Fact]
    public void DensityTable_Create_computes_the_same_allocation_at_run_time()
    {
        var info = TwoLayerMlp();
        var table = DensityTable.Create(info, new SparsityPolicy("sweep", Allocation.Erk, 0.5));
        var direct = DensityAllocator.Allocate(Allocation.Erk, info.GetPrunableWeightShapes(), 0.5);
        Assert.Equal(["fc1", "fc2"], table.LayerNames);
        Assert.Equal(direct.Densities, table.Densities);
        Assert.Equal(direct.Densities[1], table.DensityOf("fc2"));
        Assert.Throws<KeyNotFoundException>(() => table.DensityOf("relu1"));
    }

    [Fact]
    public void DensityTable_Create_throws_with_the_reason_when_the_budget_cannot_be_met()
    {
        // ERK+ with a dense classifier: 16 weights already exceed 0.1 · 48.
        var error = Assert.Throws<InvalidOperationException>(() =>
            DensityTable.Create(TwoLayerMlp(), new SparsityPolicy("tight", Allocation.ErkPlus, 0.1)));
        Assert.StartsWith("Policy 'tight' cannot be applied to model 'Tiny': the classifier alone", error.Message);
    }

    [Fact]
    public void DensityTable_rejects_misaligned_or_invalid_densities()
    {
        Assert.Throws<ArgumentException>(() => new DensityTable("p", Allocation.Uniform, 0.1, 1, ["a", "b"], [0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DensityTable("p", Allocation.Uniform, 0.1, 1, ["a"], [0.0]));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.1, 1.0)]
    [InlineData(0.1, 0.0)]
    public void SparsityPolicy_rejects_densities_outside_0_1(double density, double classifierDensity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparsityPolicy("p", Allocation.ErkPlus, density, classifierDensity));
    }

    [Fact]
    public void SparsityPolicy_reports_sparsity_and_describes_itself()
    {
        var policy = new SparsityPolicy("Erk90", Allocation.Erk, 0.1);
        Assert.Equal(0.9, policy.Sparsity, 12);
        Assert.Equal("Erk90 (Erk, density 0.1)", policy.ToString());
        Assert.Equal("p (ErkPlus, density 0.05, classifier 0.5)", new SparsityPolicy("p", Allocation.ErkPlus, 0.05, 0.5).ToString());
    }

    [Fact]
    public void LayerInfo_requires_a_weight_for_a_prunable_layer()
    {
        Assert.Throws<ArgumentException>(() => new LayerInfo("fc", LayerKind.Linear, [4], [2], [], 0, 0, true));
        Assert.Equal(0, new LayerInfo("relu", LayerKind.ReLU, [4], [4], [], 0, 0, false).WeightCount);
        Assert.Equal("conv1 Conv2d [1, 28, 28] -> [6, 28, 28]",
            new LayerInfo("conv1", LayerKind.Conv2d, [1, 28, 28], [6, 28, 28], [6, 1, 5, 5], 156, 117600, true).ToString());
    }
}
