using SparseDsl.Sparsity;

namespace SparseDsl.Tests;

/// <summary>
/// The shared allocator against an independent re-computation of the official formulas, on the paper's CIFAR networks
/// (shape lists built below from the architecture definitions in the paper notes and the official model code).
/// </summary>
public class AllocationTests
{
    /// <summary>
    /// cifar_resnet_D[_W] (open_lth, as the official code): 3×3 stem conv 3→W; three stages of n = (D−2)/6 basic blocks with
    /// W, 2W, 4W filters, each block conv1 (3×3, in→f) and conv2 (3×3, f→f), and a 1×1 projection shortcut (in→f) in the
    /// first block of stages 2 and 3; linear 4W→10. Forward (registration) order: conv1, conv2, shortcut.
    /// </summary>
    internal static long[][] CifarResNet(int depth, int width = 16)
    {
        var blocks = (depth - 2) / 6;
        var shapes = new List<long[]> { new long[] { width, 3, 3, 3 } };
        long current = width;
        for (var stage = 0; stage < 3; stage++)
        {
            long filters = width << stage;
            for (var block = 0; block < blocks; block++)
            {
                shapes.Add([filters, current, 3, 3]);
                shapes.Add([filters, filters, 3, 3]);
                if (stage > 0 && block == 0) shapes.Add([filters, current, 1, 1]);
                current = filters;
            }
        }
        shapes.Add([10, 4L * width]);
        return [.. shapes];
    }

    /// <summary>CIFAR VGG-16 with BN: 3×3 convs without bias, cfg 64 64 M 128 128 M 256×3 M 512×3 M 512×3, then linear 512→10.</summary>
    internal static long[][] Vgg16()
    {
        int[] plan = [64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512];
        var shapes = new List<long[]>();
        long current = 3;
        foreach (var filters in plan.Where(f => f > 0))
        {
            shapes.Add([filters, current, 3, 3]);
            current = filters;
        }
        shapes.Add([10, 512]);
        return [.. shapes];
    }

    internal static long Count(long[] shape) => shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>
    /// ER / ERK written from the formulas, differently from the allocator: raw_l = (n_in + n_out)/(n_in·n_out) or
    /// Σdims/Πdims; try making dense the layers whose raw value is among the t largest distinct values, t = 0, 1, …,
    /// with ε = (d·N − Σ_dense n) / Σ_free raw·n, and take the first t for which no free layer exceeds 1.
    /// </summary>
    private static double[] ReferenceErdosRenyi(long[][] shapes, double density, bool kernel)
    {
        var raw = shapes.Select(s => kernel
            ? s.Sum() / (double)Count(s)
            : (double)(s[0] + s[1]) / (s[0] * s[1])).ToArray();
        var counts = shapes.Select(Count).ToArray();
        var total = counts.Sum();
        var distinct = raw.Distinct().OrderByDescending(r => r).ToArray();
        for (var t = 0; t <= distinct.Length; t++)
        {
            var dense = raw.Select(r => t > 0 && r >= distinct[t - 1]).ToArray();
            var denseWeights = counts.Where((_, i) => dense[i]).Sum();
            var divisor = raw.Select((r, i) => dense[i] ? 0 : r * counts[i]).Sum();
            if (divisor == 0) return [.. raw.Select(_ => 1.0)];
            var epsilon = (density * total - denseWeights) / divisor;
            if (raw.Where((_, i) => !dense[i]).All(r => r * epsilon <= 1))
                return [.. raw.Select((r, i) => dense[i] ? 1.0 : r * epsilon)];
        }
        throw new InvalidOperationException("unreachable: with every layer dense the divisor is 0");
    }

    public static TheoryData<string, double> NetworksAndDensities()
    {
        var data = new TheoryData<string, double>();
        foreach (var network in new[] { "cifar_resnet_20", "cifar_resnet_32", "cifar_resnet_44", "cifar_resnet_56", "cifar_resnet_110", "vgg16" })
            foreach (var density in new[] { 0.01, 0.05, 0.1, 0.2, 0.5 })
                data.Add(network, density);
        return data;
    }

    internal static long[][] Network(string name) => name == "vgg16" ? Vgg16() : CifarResNet(int.Parse(name["cifar_resnet_".Length..]));

    private static double[] Allocate(Allocation allocation, long[][] shapes, double density, double classifierDensity = 1.0)
    {
        var result = DensityAllocator.Allocate(allocation, shapes, density, classifierDensity);
        Assert.True(result.Succeeded, result.Error);
        return [.. result.Densities];
    }

    private static double Kept(long[][] shapes, IReadOnlyList<double> densities) => shapes.Select((s, i) => densities[i] * Count(s)).Sum();

    [Theory]
    [MemberData(nameof(NetworksAndDensities))]
    public void Er_equals_the_direct_recomputation(string network, double density)
    {
        var shapes = Network(network);
        var expected = ReferenceErdosRenyi(shapes, density, kernel: false);
        var actual = Allocate(Allocation.Er, shapes, density);
        for (var i = 0; i < shapes.Length; i++) Assert.Equal(expected[i], actual[i], 1e-9);
        Assert.All(actual, d => Assert.InRange(d, 1e-12, 1.0));
        Assert.Equal(density * shapes.Sum(Count), Kept(shapes, actual), 1e-6);
    }

    [Theory]
    [MemberData(nameof(NetworksAndDensities))]
    public void Erk_equals_the_direct_recomputation(string network, double density)
    {
        var shapes = Network(network);
        var expected = ReferenceErdosRenyi(shapes, density, kernel: true);
        var actual = Allocate(Allocation.Erk, shapes, density);
        for (var i = 0; i < shapes.Length; i++) Assert.Equal(expected[i], actual[i], 1e-9);
        Assert.All(actual, d => Assert.InRange(d, 1e-12, 1.0));
        Assert.Equal(density * shapes.Sum(Count), Kept(shapes, actual), 1e-6);
    }

    [Fact]
    public void Erk_and_er_match_the_official_code_run_in_python()
    {
        // Literals from /usr/bin/python3 running the official ER/ERK loop (Random_Pruning CIFAR/sparselearning/core.py,
        // numpy, masks in forward order) on the shapes above: first layer, second layer, classifier.
        var resnet20 = Allocate(Allocation.Erk, CifarResNet(20), 0.1);
        Assert.Equal(0.9829852773533193, resnet20[0], 1e-12);
        Assert.Equal(0.28015080404569603, resnet20[1], 1e-12);
        Assert.Equal(1.0, resnet20[^1]);
        Assert.Equal(2, resnet20.Count(d => d == 1.0)); // the classifier and the first 1×1 shortcut hit the cap

        var vgg = Allocate(Allocation.Er, Vgg16(), 0.01);
        Assert.Equal(0.7134794529430017, vgg[0], 1e-12);
        Assert.Equal(0.06389368235310464, vgg[1], 1e-12);
        Assert.Equal(0.20845313867700388, vgg[^1], 1e-12);
    }

    [Theory]
    [MemberData(nameof(NetworksAndDensities))]
    public void UniformPlus_keeps_the_stem_dense_and_hits_the_budget(string network, double density)
    {
        var shapes = Network(network);
        var n = shapes.Select(Count).ToArray();
        var total = n.Sum();
        var densities = Allocate(Allocation.UniformPlus, shapes, density);
        Assert.Equal(1.0, densities[0]);

        if (density < DensityAllocator.UniformPlusClassifierDensity)
        {
            // Classifier at 0.2; the others at (d·N − n_first − 0.2·n_fc) / (N − n_first − n_fc).
            var rest = (density * total - n[0] - 0.2 * n[^1]) / (total - n[0] - n[^1]);
            Assert.Equal(0.2, densities[^1]);
            Assert.All(densities[1..^1], d => Assert.Equal(rest, d, 1e-15));
        }
        else
        {
            var rest = (density * total - n[0]) / (total - n[0]);
            Assert.All(densities[1..], d => Assert.Equal(rest, d, 1e-15));
        }
        Assert.Equal(density * total, Kept(shapes, densities), 1e-6);
        // The official code divides the rest by all N weights; that version misses the budget by under 1% here.
        var official = density < DensityAllocator.UniformPlusClassifierDensity
            ? n[0] + 0.2 * n[^1] + (density * total - n[0] - 0.2 * n[^1]) / total * (total - n[0] - n[^1])
            : n[0] + density * (total - n[0]);
        Assert.InRange(Math.Abs(official - density * total) / (density * total), 0, 0.01);
    }

    [Theory]
    [MemberData(nameof(NetworksAndDensities))]
    public void ErkPlus_keeps_the_classifier_dense_and_hits_the_budget(string network, double density)
    {
        var shapes = Network(network);
        var total = shapes.Sum(Count);
        var densities = Allocate(Allocation.ErkPlus, shapes, density);
        Assert.Equal(1.0, densities[^1]);
        Assert.Equal(density * total, Kept(shapes, densities), 1e-6);

        // The rest is ERK over the other layers at (d·N − n_fc) / (N − n_fc), recomputed independently.
        var rest = ReferenceErdosRenyi(shapes[..^1], (density * total - Count(shapes[^1])) / (total - Count(shapes[^1])), kernel: true);
        for (var i = 0; i < rest.Length; i++) Assert.Equal(rest[i], densities[i], 1e-9);
    }

    [Fact]
    public void ErkPlus_with_a_sparse_classifier_keeps_that_density_and_the_budget()
    {
        var shapes = CifarResNet(56);
        var densities = Allocate(Allocation.ErkPlus, shapes, 0.05, classifierDensity: 0.3);
        Assert.Equal(0.3, densities[^1]);
        Assert.Equal(0.05 * shapes.Sum(Count), Kept(shapes, densities), 1e-6);
    }

    [Fact]
    public void The_paper_networks_have_the_documented_layer_counts()
    {
        // ResNet-D: 1 stem + 2·3n block convs + 2 shortcuts + 1 classifier; VGG-16: 13 convs + 1 linear.
        Assert.Equal(22, CifarResNet(20).Length);
        Assert.Equal(112, CifarResNet(110).Length);
        Assert.Equal(14, Vgg16().Length);
        Assert.Equal(14_710_464 + 5_120, Vgg16().Sum(Count)); // conv weights of VGG-16 (CIFAR) + 512·10
        Assert.Equal(270_896, CifarResNet(20).Sum(Count));     // the usual "0.27M" ResNet-20, BN and biases excluded
    }
}
