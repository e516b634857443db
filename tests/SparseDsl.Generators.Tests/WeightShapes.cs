namespace SparseDsl.Generators.Tests;

/// <summary>Masked weight shapes of reference networks, in forward order (stem first, classifier last).</summary>
internal static class WeightShapes
{
    /// <summary>LeNet-5 as in models/SparseDsl.Models: 150 + 2400 + 48000 + 10080 + 840 = 61470 weights.</summary>
    public static long[][] LeNet5 { get; } =
    [
        [6, 1, 5, 5],
        [16, 6, 5, 5],
        [120, 400],
        [84, 120],
        [10, 84],
    ];

    /// <summary>784-300-100-10: 235200 + 30000 + 1000 = 266200 weights.</summary>
    public static long[][] Mlp { get; } = [[300, 784], [100, 300], [10, 100]];

    /// <summary>CIFAR ResNet-20 (width 16): stem, 3 stages of 3 basic blocks, 1×1 projection shortcuts, classifier.</summary>
    public static long[][] ResNet20 { get; } = BuildResNet20();

    private static long[][] BuildResNet20()
    {
        var shapes = new List<long[]> { new long[] { 16, 3, 3, 3 } };
        long inChannels = 16;
        foreach (var width in new long[] { 16, 32, 64 })
            for (var block = 0; block < 3; block++)
            {
                shapes.Add([width, inChannels, 3, 3]);
                shapes.Add([width, width, 3, 3]);
                if (inChannels != width) shapes.Add([width, inChannels, 1, 1]);
                inChannels = width;
            }
        shapes.Add([10, 64]);
        return [.. shapes];
    }

    public static long Count(long[] shape) => shape.Aggregate(1L, (a, b) => a * b);

    public static long Total(IEnumerable<long[]> shapes) => shapes.Sum(Count);
}
