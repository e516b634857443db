using SparseDsl.Randomness;
using SparseDsl.Sparsity;

namespace SparseDsl.Tests;

public class RandomMasksTests
{
    [Theory]
    [InlineData(1000, 0.1, 100)]
    [InlineData(150, 0.05, 8)]     // 7.5 rounds away from zero
    [InlineData(7, 0.5, 4)]
    [InlineData(10, 1.0, 10)]
    public void Exact_sampling_keeps_round_d_n(long n, double density, long expected)
    {
        var mask = RandomMasks.Draw(n, density, new DeterministicRandom(1), MaskSampling.Exact, out var kept);
        Assert.Equal(expected, kept);
        Assert.Equal(expected, mask.Count(v => v == 1f));
        Assert.All(mask, v => Assert.True(v is 0f or 1f));
    }

    [Fact]
    public void Bernoulli_sampling_is_near_the_density_and_reproducible()
    {
        var a = RandomMasks.Draw(100_000, 0.2, DeterministicRandom.For(17, "mask/fc1"), MaskSampling.Bernoulli, out var kept);
        var b = RandomMasks.Draw(100_000, 0.2, DeterministicRandom.For(17, "mask/fc1"), MaskSampling.Bernoulli, out _);
        var c = RandomMasks.Draw(100_000, 0.2, DeterministicRandom.For(17, "mask/fc2"), MaskSampling.Bernoulli, out _);
        Assert.InRange(kept, 19_500, 20_500); // 5 standard deviations (σ ≈ 126)
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Exact_positions_are_spread_uniformly()
    {
        // Each position is kept with probability 0.3; over 2000 draws of 10 positions each, counts stay near 600.
        var counts = new int[10];
        var random = new DeterministicRandom(5);
        for (var i = 0; i < 2000; i++)
        {
            var mask = RandomMasks.Draw(10, 0.3, random, MaskSampling.Exact, out _);
            for (var j = 0; j < 10; j++) counts[j] += (int)mask[j];
        }
        Assert.All(counts, c => Assert.InRange(c, 520, 680));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Density_outside_unit_interval_is_refused(double density) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RandomMasks.Draw(10, density, new DeterministicRandom(1), MaskSampling.Exact, out _));

    [Fact]
    public void Permutation_is_a_permutation_and_depends_on_the_seed()
    {
        var p = new DeterministicRandom(3).Permutation(1000);
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), p.Order());
        Assert.Equal(p, new DeterministicRandom(3).Permutation(1000));
        Assert.NotEqual(p, new DeterministicRandom(4).Permutation(1000));
    }
}
