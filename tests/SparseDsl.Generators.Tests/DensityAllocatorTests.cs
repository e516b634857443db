using SparseDsl.Sparsity;

namespace SparseDsl.Generators.Tests;

/// <summary>The shared allocation code (the generator compiles the same file), checked by hand and by budget.</summary>
public class DensityAllocatorTests
{
    private static IReadOnlyList<double> Densities(Allocation allocation, long[][] shapes, double density, double classifierDensity = 1.0)
    {
        var result = DensityAllocator.Allocate(allocation, shapes, density, classifierDensity);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(shapes.Length, result.Densities.Count);
        return result.Densities;
    }

    [Fact]
    public void Dense_keeps_every_weight()
    {
        Assert.All(Densities(Allocation.Dense, WeightShapes.LeNet5, 0.1), d => Assert.Equal(1.0, d));
    }

    [Fact]
    public void Uniform_puts_every_layer_at_the_density()
    {
        Assert.All(Densities(Allocation.Uniform, WeightShapes.LeNet5, 0.1), d => Assert.Equal(0.1, d));
    }

    [Fact]
    public void UniformPlus_below_0_2_keeps_the_first_layer_dense_and_the_classifier_at_0_2()
    {
        var densities = Densities(Allocation.UniformPlus, WeightShapes.LeNet5, 0.1);

        // The rest holds the budget: (d·N − n_first − 0.2·n_fc) / (N − n_first − n_fc) = (6147 − 150 − 168) / (61470 − 150 − 840).
        const double middle = 5829.0 / 60480.0;
        Assert.Equal([1.0, middle, middle, middle, 0.2], densities);
    }

    [Fact]
    public void UniformPlus_at_0_2_or_more_keeps_only_the_first_layer_dense()
    {
        // (d·N − n_first) / (N − n_first) = (30735 − 150) / (61470 − 150).
        const double rest = 30585.0 / 61320.0;
        Assert.Equal([1.0, rest, rest, rest, rest], Densities(Allocation.UniformPlus, WeightShapes.LeNet5, 0.5));
    }

    [Fact]
    public void UniformPlus_keeps_no_layer_dense_in_a_model_without_convolutions()
    {
        // MLP 784-300-100-10: no convolution, so at 0.5 it is Uniform; below 0.2 only the classifier is fixed (at 0.2).
        long[][] mlp = [[300, 784], [100, 300], [10, 100]];
        Assert.Equal([0.5, 0.5, 0.5], Densities(Allocation.UniformPlus, mlp, 0.5));
        // (0.1·266200 − 0.2·1000) / (266200 − 1000) = 26420 / 265200.
        const double rest = 26420.0 / 265200.0;
        Assert.Equal([rest, rest, 0.2], Densities(Allocation.UniformPlus, mlp, 0.1));
    }

    [Fact]
    public void Er_scales_n_in_plus_n_out_over_their_product_and_ignores_the_kernel()
    {
        // raw: [4,2,3,3] → 6/8 = 0.75 (kernel ignored), [8,4] → 12/32 = 0.375. N = 72 + 32 = 104.
        // d = 0.25 → budget 26 = ε(0.75·72 + 0.375·32) = 66ε → ε = 26/66.
        var densities = Densities(Allocation.Er, [[4, 2, 3, 3], [8, 4]], 0.25);
        Assert.Equal(0.75 * 26 / 66, densities[0], 12);
        Assert.Equal(0.375 * 26 / 66, densities[1], 12);
    }

    [Fact]
    public void Erk_scales_the_sum_of_dimensions_over_their_product()
    {
        // raw: [4,2,3,3] → 12/72 = 1/6, [8,4] → 12/32 = 0.375. N = 104, d = 0.25 → 26 = ε(12 + 12) → ε = 26/24.
        var densities = Densities(Allocation.Erk, [[4, 2, 3, 3], [8, 4]], 0.25);
        Assert.Equal(26.0 / 24 / 6, densities[0], 12);
        Assert.Equal(26.0 / 24 * 0.375, densities[1], 12);
    }

    [Fact]
    public void Erk_makes_a_layer_dense_when_its_density_would_exceed_one_and_solves_again()
    {
        // raw: [2,2] → 4/4 = 1, [100,100] → 200/10000 = 0.02. d = 0.5 → budget 5002 = ε(4 + 200) → ε ≈ 24.5: layer 0 > 1.
        // Layer 0 dense (4 weights); the remaining 4998 go to layer 1: 4998/10000.
        Assert.Equal([1.0, 0.4998], Densities(Allocation.Erk, [[2, 2], [100, 100]], 0.5).Select(d => Math.Round(d, 12)));
    }

    [Fact]
    public void Erk_makes_layers_that_tie_for_the_largest_raw_density_dense_together()
    {
        // Two identical small layers tie; both exceed 1 in the first round and become dense together.
        var densities = Densities(Allocation.Erk, [[2, 2], [2, 2], [100, 100]], 0.5);
        Assert.Equal(1.0, densities[0]);
        Assert.Equal(1.0, densities[1]);
        Assert.Equal((0.5 * 10008 - 8) / 10000, densities[2], 12);
    }

    [Fact]
    public void ErkPlus_keeps_the_classifier_at_its_density_and_spreads_the_rest_by_erk()
    {
        var densities = Densities(Allocation.ErkPlus, WeightShapes.LeNet5, 0.1, classifierDensity: 1.0);
        Assert.Equal(1.0, densities[^1]);

        // The other layers get exactly ERK at the remaining density (6147 − 840) / (61470 − 840).
        var rest = Densities(Allocation.Erk, WeightShapes.LeNet5[..^1], (6147.0 - 840) / (61470 - 840));
        Assert.Equal(rest, densities.Take(4));
    }

    [Fact]
    public void ErkPlus_fails_when_the_classifier_alone_exceeds_the_budget()
    {
        // d·N = 614.7 weights, but the dense classifier alone keeps 840.
        var result = DensityAllocator.Allocate(Allocation.ErkPlus, WeightShapes.LeNet5, 0.01);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Densities);
        Assert.Contains("ClassifierDensity", result.Error);
    }

    [Fact]
    public void UniformPlus_fails_when_nothing_is_left_for_the_middle_layers()
    {
        // 0.001·61470 = 61.5 weights, less than the dense first layer's 150.
        var result = DensityAllocator.Allocate(Allocation.UniformPlus, WeightShapes.LeNet5, 0.001);
        Assert.False(result.Succeeded);
        Assert.Contains("leaves no weights for the other layers", result.Error);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_density_outside_0_1_is_an_error(double density)
    {
        foreach (var allocation in Enum.GetValues<Allocation>())
        {
            var result = DensityAllocator.Allocate(allocation, WeightShapes.LeNet5, density);
            Assert.False(result.Succeeded);
            Assert.Contains("outside (0, 1]", result.Error);
        }
    }

    [Fact]
    public void A_model_without_prunable_weights_is_an_error()
    {
        var result = DensityAllocator.Allocate(Allocation.Erk, [], 0.1);
        Assert.Contains("no prunable", result.Error);
    }

    public static TheoryData<string, Allocation, double> BudgetCases()
    {
        var data = new TheoryData<string, Allocation, double>();
        foreach (var network in new[] { nameof(WeightShapes.LeNet5), nameof(WeightShapes.Mlp), nameof(WeightShapes.ResNet20) })
            foreach (var allocation in new[] { Allocation.Er, Allocation.Erk, Allocation.ErkPlus, Allocation.Uniform })
                foreach (var density in new[] { 0.05, 0.1, 0.2, 0.5 })
                    data.Add(network, allocation, density);
        return data;
    }

    [Theory]
    [MemberData(nameof(BudgetCases))]
    public void Allocations_keep_exactly_the_budget(string network, Allocation allocation, double density)
    {
        var shapes = Network(network);
        var result = DensityAllocator.Allocate(allocation, shapes, density);
        Assert.True(result.Succeeded, result.Error);
        var kept = shapes.Select((s, i) => result.Densities[i] * WeightShapes.Count(s)).Sum();
        var total = WeightShapes.Total(shapes);
        Assert.True(Math.Abs(kept - density * total) <= 1e-9 * total, $"kept {kept}, budget {density * total}");
        Assert.All(result.Densities, d => Assert.InRange(d, double.Epsilon, 1.0));
    }

    [Theory]
    [InlineData(nameof(WeightShapes.LeNet5), 0.1)]
    [InlineData(nameof(WeightShapes.LeNet5), 0.3)]
    [InlineData(nameof(WeightShapes.Mlp), 0.1)]
    [InlineData(nameof(WeightShapes.Mlp), 0.02)]
    [InlineData(nameof(WeightShapes.ResNet20), 0.1)]
    [InlineData(nameof(WeightShapes.ResNet20), 0.5)]
    public void Erk_matches_an_independent_recomputation(string network, double density)
    {
        var shapes = Network(network);
        var expected = ErkBySortedCap(shapes, density);
        var actual = Densities(Allocation.Erk, shapes, density);
        for (var i = 0; i < shapes.Length; i++) Assert.Equal(expected[i], actual[i], 12);
    }

    /// <summary>
    /// ERK written differently from the allocator: sort the layers by raw density, make the k largest dense for
    /// k = 0, 1, … and take the first k whose remaining scaled densities all stay ≤ 1.
    /// </summary>
    private static double[] ErkBySortedCap(long[][] shapes, double density)
    {
        var raw = shapes.Select(s => s.Sum() / (double)WeightShapes.Count(s)).ToArray();
        var counts = shapes.Select(WeightShapes.Count).ToArray();
        var order = Enumerable.Range(0, shapes.Length).OrderByDescending(i => raw[i]).ToArray();
        var budget = density * counts.Sum();
        for (var k = 0; k < order.Length; k++)
        {
            var dense = order.Take(k).ToHashSet();
            var free = Enumerable.Range(0, shapes.Length).Where(i => !dense.Contains(i)).ToArray();
            var epsilon = (budget - dense.Sum(i => (double)counts[i])) / free.Sum(i => raw[i] * counts[i]);
            if (free.All(i => raw[i] * epsilon <= 1))
                return [.. Enumerable.Range(0, shapes.Length).Select(i => dense.Contains(i) ? 1.0 : raw[i] * epsilon)];
        }
        return [.. shapes.Select(_ => 1.0)];
    }

    private static long[][] Network(string name) => name switch
    {
        nameof(WeightShapes.LeNet5) => WeightShapes.LeNet5,
        nameof(WeightShapes.Mlp) => WeightShapes.Mlp,
        _ => WeightShapes.ResNet20,
    };
}
