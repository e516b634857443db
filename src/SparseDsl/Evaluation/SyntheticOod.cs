using SparseDsl.Data;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Evaluation;

public enum NoiseKind
{
    /// <summary>Each pixel i.i.d. N(0.5, 0.25²), clipped to [0, 1] (Outlier Exposure's Gaussian anomalies, in pixel units).</summary>
    Gaussian,

    /// <summary>Each pixel i.i.d. U(0, 1) (Outlier Exposure's uniform anomalies, in pixel units).</summary>
    Uniform,
}

/// <summary>
/// Synthetic out-of-distribution images: <see cref="NoiseKind"/> noise of one sample shape, normalised like the
/// in-distribution data, drawn batch by batch from a CPU generator seeded with <see cref="Seed"/> (the same set every
/// time for the same batch size). Targets are all 0: OoD scores ignore them.
/// </summary>
public sealed class NoiseBatches(NoiseKind kind, int count, IReadOnlyList<long> sampleShape, InputNormalization normalization,
    Device device, int classes, long seed = 0) : IBatchSource
{
    public const double GaussianMean = 0.5, GaussianStd = 0.25;

    public NoiseKind Kind { get; } = kind;

    public long Seed { get; } = seed;

    public Device Device { get; } = device;

    public int Count { get; } = count;

    public int Classes { get; } = classes;

    // A shard of noise is noise: only its length follows the shard (DistributedSampler's padded share).
    public int BatchCount(int batchSize, bool dropLast, DataShard? shard = null)
    {
        var n = DataShard.EpochLength(Count, shard);
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    public IEnumerable<(Tensor Input, Tensor Target)> Epoch(int batchSize, bool shuffle, long seed, int epoch, bool dropLast = false,
        CancellationToken cancellation = default, DataShard? shard = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        using var generator = new Generator(unchecked((ulong)Seed));
        var n = DataShard.EpochLength(Count, shard);
        var batches = BatchCount(batchSize, dropLast, shard);
        for (var b = 0; b < batches; b++)
        {
            cancellation.ThrowIfCancellationRequested();
            var length = Math.Min(batchSize, n - b * batchSize);
            yield return MakeBatch(length, generator);
        }
    }

    private (Tensor, Tensor) MakeBatch(int length, Generator generator)
    {
        using var scope = NewDisposeScope();
        long[] shape = [length, .. sampleShape];
        var pixels = Kind == NoiseKind.Gaussian
            ? torch.randn(shape, ScalarType.Float32, generator: generator).mul_(GaussianStd).add_(GaussianMean).clamp_(0, 1)
            : torch.rand(shape, ScalarType.Float32, generator: generator);
        var input = normalization.FromPixels(pixels.to(Device));
        var target = torch.zeros([length], ScalarType.Int64, Device);
        return (scope.MoveToOuter(input), scope.MoveToOuter(target));
    }
}

/// <summary>The batches of another source upside down (flipped along the height axis): near-distribution OoD images.</summary>
public sealed class VerticalFlipBatches(IBatchSource source) : IBatchSource
{
    public IBatchSource Source { get; } = source;

    public Device Device => Source.Device;

    public int Count => Source.Count;

    public int Classes => Source.Classes;

    public int BatchCount(int batchSize, bool dropLast, DataShard? shard = null) => Source.BatchCount(batchSize, dropLast, shard);

    public IEnumerable<(Tensor Input, Tensor Target)> Epoch(int batchSize, bool shuffle, long seed, int epoch, bool dropLast = false,
        CancellationToken cancellation = default, DataShard? shard = null)
    {
        foreach (var (input, target) in Source.Epoch(batchSize, shuffle, seed, epoch, dropLast, cancellation, shard))
            yield return (Flip(input), target);
    }

    /// <summary>[B, C, H, W] with rows in reverse order; the input is consumed.</summary>
    public static Tensor Flip(Tensor input)
    {
        if (input.dim() != 4) throw new ArgumentException($"vertical flip needs [B, C, H, W] images, got [{string.Join(", ", input.shape)}].");
        using var scope = NewDisposeScope();
        using var consumed = input;
        var height = input.size(2);
        var rows = new long[height];
        for (var i = 0; i < height; i++) rows[i] = height - 1 - i;
        var flipped = input.index_select(2, torch.tensor(rows).to(input.device));
        return scope.MoveToOuter(flipped);
    }
}
