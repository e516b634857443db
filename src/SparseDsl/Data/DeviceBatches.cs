using SparseDsl.Randomness;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Data;

/// <summary>
/// Serves normalised mini-batches of an <see cref="ImageDataset"/> whose pixels live, as bytes, on the training
/// device. Each batch is three native calls (gather, convert, normalise): no per-pixel managed work and no
/// host-to-device copy per step, so the trainer never waits on data.
/// </summary>
public sealed class DeviceBatches : IDisposable
{
    private readonly Tensor pixels;  // uint8 [N, C, H, W]
    private readonly Tensor labels;  // int64 [N]
    private readonly Tensor scale;   // float32 [1, C, 1, 1] = 1 / (255 · std)
    private readonly Tensor shift;   // float32 [1, C, 1, 1] = mean / std

    public DeviceBatches(ImageDataset data, Device device)
    {
        Dataset = data;
        Device = device;
        using var cpuPixels = torch.tensor(data.Pixels, [data.Count, data.Channels, data.Height, data.Width]);
        using var cpuLabels = torch.tensor(data.Labels, [data.Count]);
        pixels = cpuPixels.to(device).DetachFromDisposeScope();
        using var longLabels = cpuLabels.to(ScalarType.Int64);
        labels = longLabels.to(device).DetachFromDisposeScope();
        var c = data.Channels;
        using var cpuScale = torch.tensor(data.Std.Select(s => (float)(1.0 / (255.0 * s))).ToArray(), [1, c, 1, 1]);
        using var cpuShift = torch.tensor(data.Mean.Zip(data.Std, (m, s) => (float)(m / s)).ToArray(), [1, c, 1, 1]);
        scale = cpuScale.to(device).DetachFromDisposeScope();
        shift = cpuShift.to(device).DetachFromDisposeScope();
    }

    public ImageDataset Dataset { get; }

    public Device Device { get; }

    public int Count => Dataset.Count;

    /// <summary>Number of batches one epoch yields.</summary>
    public int BatchCount(int batchSize, bool dropLast) =>
        dropLast ? Count / batchSize : (Count + batchSize - 1) / batchSize;

    /// <summary>
    /// The batches of one epoch. With <paramref name="shuffle"/>, the order is a permutation drawn from
    /// (seed, epoch) alone, so a resumed run sees exactly the batches the interrupted one would have.
    /// Batch tensors belong to the caller's dispose scope.
    /// </summary>
    public IEnumerable<(Tensor Input, Tensor Target)> Epoch(int batchSize, bool shuffle, long seed, int epoch, bool dropLast = false)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be positive");
        long[]? order = shuffle ? DeterministicRandom.For(seed, $"shuffle/epoch-{epoch}").Permutation(Count) : null;
        var batches = BatchCount(batchSize, dropLast);
        for (var b = 0; b < batches; b++)
        {
            var start = b * batchSize;
            var length = Math.Min(batchSize, Count - start);
            yield return order is null ? Slice(start, length) : Gather(order.AsSpan(start, length));
        }
    }

    private (Tensor, Tensor) Slice(long start, long length)
    {
        using var raw = pixels.narrow(0, start, length);
        return (Normalise(raw), labels.narrow(0, start, length));
    }

    private (Tensor, Tensor) Gather(ReadOnlySpan<long> indices)
    {
        using var cpuIndex = torch.FromSpan(indices, [indices.Length], ScalarType.Int64);
        using var index = cpuIndex.to(Device);
        using var raw = pixels.index_select(0, index);
        return (Normalise(raw), labels.index_select(0, index));
    }

    private Tensor Normalise(Tensor raw)
    {
        var x = raw.to(ScalarType.Float32);
        x.mul_(scale).sub_(shift);
        return x;
    }

    public void Dispose()
    {
        pixels.Dispose();
        labels.Dispose();
        scale.Dispose();
        shift.Dispose();
    }
}
