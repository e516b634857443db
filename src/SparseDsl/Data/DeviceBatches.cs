using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Data;

/// <summary>
/// Serves normalised mini-batches of an <see cref="ImageDataset"/> whose pixels live, as bytes, on the training
/// device. Each batch is a few native calls (gather, then convert and normalise, or with <see cref="Augmentation"/>
/// pad-crop-flip-normalise in one call): no per-pixel managed work and no host-to-device copy per step. With
/// <see cref="Prefetch"/> &gt; 0 the batches are made ahead on a background thread, so the trainer never waits on data.
/// </summary>
public sealed class DeviceBatches : IBatchSource, IDisposable
{
    private readonly Tensor pixels;  // uint8 [N, C, H, W]
    private readonly Tensor labels;  // int64 [N]
    private readonly Tensor scale;   // float32 [1, C, 1, 1] = 1 / (255 · std)
    private readonly Tensor shift;   // float32 [1, C, 1, 1] = mean / std

    /// <param name="data">The images.</param>
    /// <param name="device">Where the pixels are kept and the batches made.</param>
    /// <param name="augmentation">Random crop and flip applied to every batch (training only), or null.</param>
    /// <param name="prefetch">Batches made ahead on a background thread; 0 makes each batch when it is asked for.</param>
    public DeviceBatches(ImageDataset data, Device device, RandomCropFlip? augmentation = null, int prefetch = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefetch);
        Dataset = data;
        Device = device;
        Augmentation = augmentation;
        Prefetch = prefetch;
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
        ChoicesOnDevice = device.type == DeviceType.CUDA;
    }

    /// <summary>
    /// With <see cref="Augmentation"/>: whether an epoch's crop and flip choices go to the device in one copy at the
    /// start of the epoch (the default on CUDA, where a copy from the host per batch would make every step wait for
    /// the queued work) rather than with each batch (the CPU's fused path, faster there). The batches are equal.
    /// </summary>
    public bool ChoicesOnDevice { get; init; }

    public ImageDataset Dataset { get; }

    public Device Device { get; }

    /// <summary>The random crop and flip applied to every batch, or null for plain normalised images.</summary>
    public RandomCropFlip? Augmentation { get; }

    /// <summary>How many batches a background thread prepares ahead of the consumer (0: none, made on demand).</summary>
    public int Prefetch { get; }

    public int Count => Dataset.Count;

    public int Classes => Dataset.Classes;

    /// <summary>Number of batches one epoch yields.</summary>
    public int BatchCount(int batchSize, bool dropLast, DataShard? shard = null)
    {
        var n = DataShard.EpochLength(Count, shard);
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /// <summary>
    /// The batches of one epoch. With <paramref name="shuffle"/>, the order is a permutation drawn from
    /// (seed, epoch) alone, and the augmentation of batch b from (seed, epoch, b), so a resumed run sees exactly
    /// the batches the interrupted one would have. Batch tensors belong to the caller's dispose scope.
    /// </summary>
    public IEnumerable<(Tensor Input, Tensor Target)> Epoch(int batchSize, bool shuffle, long seed, int epoch, bool dropLast = false,
        CancellationToken cancellation = default, DataShard? shard = null)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be positive");
        var order = DataShard.EpochOrder(Count, shuffle, seed, epoch, shard);
        var total = order?.Length ?? Count;
        var batches = BatchCount(batchSize, dropLast, shard);
        var choices = Augmentation is { } augmentation && ChoicesOnDevice ? EpochChoices(augmentation, batches, batchSize, total, seed, epoch) : null;
        return WithEpochOnDevice(order, choices, (onDevice, choicesOnDevice) => Prefetch == 0
            ? Inline(batches, b => MakeBatch(b, batchSize, total, onDevice, choicesOnDevice, seed, epoch), cancellation)
            : Prefetched(batches, b => MakeBatch(b, batchSize, total, onDevice, choicesOnDevice, seed, epoch), cancellation));
    }

    /// <summary>Every batch's (top, left, flip) choices of the epoch, in batch order: the same draws as per batch.</summary>
    private long[] EpochChoices(RandomCropFlip augmentation, int batches, int batchSize, int total, long seed, int epoch)
    {
        var all = new List<long>(Math.Min(total, batches * batchSize) * 3);
        for (var b = 0; b < batches; b++)
            all.AddRange(augmentation.Choices(Math.Min(batchSize, total - b * batchSize), seed, epoch, b));
        // The native call trusts choices already on the device (checking them there would wait for it): check here.
        long maxTop = 2L * augmentation.Padding, maxLeft = 2L * augmentation.Padding;
        for (var i = 0; i < all.Count; i += 3)
            if (all[i] < 0 || all[i] > maxTop || all[i + 1] < 0 || all[i + 1] > maxLeft || all[i + 2] is not (0 or 1))
                throw new InvalidOperationException($"crop choice {i / 3} ({all[i]}, {all[i + 1]}, {all[i + 2]}) is outside [0, {maxTop}]² × {{0, 1}}");
        return [.. all];
    }

    /// <summary>
    /// The epoch's order (and augmentation choices) go to the device once, and each batch reads a slice: on a GPU
    /// every host-to-device copy waits for the queued work, so host data sent per batch would stall every step.
    /// </summary>
    private IEnumerable<(Tensor, Tensor)> WithEpochOnDevice(long[]? order, long[]? choices, Func<Tensor?, Tensor?, IEnumerable<(Tensor, Tensor)>> batches)
    {
        using var orderOnDevice = order is null ? null : Upload(order, [order.Length]);
        using var choicesOnDevice = choices is null ? null : Upload(choices, [choices.Length / 3, 3]);
        foreach (var batch in batches(orderOnDevice, choicesOnDevice)) yield return batch;
    }

    private Tensor Upload(long[] values, long[] shape)
    {
        using var scope = NewDisposeScope();  // the host copy must not join the caller's scope
        return torch.tensor(values, shape).to(Device).DetachFromDisposeScope();
    }

    private static IEnumerable<(Tensor, Tensor)> Inline(int batches, Func<int, (Tensor, Tensor)> make, CancellationToken cancellation)
    {
        for (var b = 0; b < batches; b++)
        {
            cancellation.ThrowIfCancellationRequested();
            yield return make(b);
        }
    }

    private IEnumerable<(Tensor, Tensor)> Prefetched(int batches, Func<int, (Tensor, Tensor)> make, CancellationToken cancellation)
    {
        using var prefetcher = new OrderedPrefetcher<TensorPair>(batches, b => new TensorPair(make(b)), pair => pair.Dispose(),
            workers: 1, capacity: Prefetch, cancellation);
        foreach (var pair in prefetcher.Items()) yield return pair.HandOver();
    }

    private (Tensor, Tensor) MakeBatch(int batch, int batchSize, int total, Tensor? order, Tensor? choices, long seed, int epoch)
    {
        var start = batch * batchSize;
        var length = Math.Min(batchSize, total - start);
        using var index = order?.narrow(0, start, length);
        using var raw = index is null ? pixels.narrow(0, start, length) : pixels.index_select(0, index);
        var target = index is null ? labels.narrow(0, start, length) : labels.index_select(0, index);
        try
        {
            return (Normalise(raw, choices, start, seed, epoch, batch), target);
        }
        catch
        {
            target.Dispose();  // on a prefetch thread no dispose scope would free it
            throw;
        }
    }

    private Tensor Normalise(Tensor raw, Tensor? epochChoices, int start, long seed, int epoch, int batch)
    {
        if (Augmentation is { } onDevice && epochChoices is not null)
        {
            using var choices = epochChoices.narrow(0, start, raw.size(0));
            return ImageOps.CropFlipNormalize(raw, choices, onDevice.Padding, Dataset.Height, Dataset.Width, scale, shift);
        }
        if (Augmentation is { } augmentation)
        {
            var choices = augmentation.Choices((int)raw.size(0), seed, epoch, batch);
            return ImageOps.CropFlipNormalize(raw, choices, augmentation.Padding, Dataset.Height, Dataset.Width, Dataset.Mean, Dataset.Std);
        }
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
