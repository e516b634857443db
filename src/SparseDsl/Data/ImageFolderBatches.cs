using System.Collections.Concurrent;
using SparseDsl.Randomness;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Data;

/// <summary>
/// Batches of an <see cref="ImageFolder"/>, decoded and transformed on background threads
/// (<see cref="ImageLoaderOptions.Workers"/>) into a bounded queue of ready batches: each image is read, decoded
/// (libturbojpeg / libpng), cropped, resized, flipped and normalised by one native call straight into its batch slot.
/// The order comes from (seed, epoch) and each image's random transform from (seed, epoch, image index), so the
/// batches are the same whatever the number of workers.
/// </summary>
public sealed class ImageFolderBatches : IBatchSource
{
    // No ImageNet JPEG comes near this; a larger file is refused before it is read into memory.
    private const long MaxFileBytes = 256L << 20;

    private readonly double[] mean;
    private readonly double[] std;
    private readonly ConcurrentDictionary<string, byte> skippedFiles = new();
    private long skippedImages;

    public ImageFolderBatches(ImageFolder folder, ImageTransform transform, Device device, ImageLoaderOptions? options = null)
    {
        Folder = folder;
        Transform = transform;
        Device = device;
        Options = options ?? new ImageLoaderOptions();
        if (Options.Workers < 1) throw new ArgumentOutOfRangeException(nameof(options), Options.Workers, "Workers must be at least 1");
        if (Options.Mean.Count != 3 || Options.Std.Count != 3) throw new ArgumentException("Mean and Std need three values (RGB)", nameof(options));
        mean = [.. Options.Mean];
        std = [.. Options.Std];
    }

    public ImageFolder Folder { get; }

    public ImageTransform Transform { get; }

    public Device Device { get; }

    public ImageLoaderOptions Options { get; }

    public int Count => Folder.Count;

    public int Classes => Folder.Classes.Count;

    /// <summary>Images left out so far because they could not be decoded (with <see cref="CorruptImagePolicy.Skip"/>), counted once per epoch.</summary>
    public long SkippedImages => Interlocked.Read(ref skippedImages);

    /// <summary>The distinct files skipped so far, sorted.</summary>
    public IReadOnlyList<string> SkippedFiles => [.. skippedFiles.Keys.Order(StringComparer.Ordinal)];

    public int BatchCount(int batchSize, bool dropLast, DataShard? shard = null)
    {
        var n = DataShard.EpochLength(Count, shard);
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /// <summary>
    /// The batches of one epoch: float32 [B, 3, h, w] inputs and int64 [B] targets on <see cref="Device"/>. A batch
    /// whose images were skipped is smaller; one whose images were all skipped is left out. Stopping the enumeration
    /// early or cancelling stops the workers and frees every batch not handed over.
    /// </summary>
    public IEnumerable<(Tensor Input, Tensor Target)> Epoch(int batchSize, bool shuffle, long seed, int epoch, bool dropLast = false,
        CancellationToken cancellation = default, DataShard? shard = null)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be positive");
        var order = DataShard.EpochOrder(Count, shuffle, seed, epoch, shard);
        return Batches(BatchCount(batchSize, dropLast, shard), b => MakeBatch(b, batchSize, order, seed, epoch), cancellation);
    }

    private IEnumerable<(Tensor, Tensor)> Batches(int batches, Func<int, TensorPair?> make, CancellationToken cancellation)
    {
        using var prefetcher = new OrderedPrefetcher<TensorPair>(batches, make, pair => pair.Dispose(),
            Options.Workers, Math.Max(Options.Prefetch, Options.Workers), cancellation);
        foreach (var pair in prefetcher.Items()) yield return pair.HandOver();
    }

    private TensorPair? MakeBatch(int batch, int batchSize, long[]? order, long seed, int epoch)
    {
        var start = batch * batchSize;
        var length = Math.Min(batchSize, (order?.Length ?? Count) - start);
        var pixels = torch.empty([length, 3, Transform.OutputHeight, Transform.OutputWidth], ScalarType.Float32);
        try
        {
            var kept = new List<long>(length);
            var labels = new List<long>(length);
            for (var i = 0; i < length; i++)
            {
                var index = order is null ? start + i : order[start + i];
                var sample = Folder.Samples[(int)index];
                var random = DeterministicRandom.For(seed, $"image-transform/epoch-{epoch}/image-{index}");
                if (!Load(sample.Path, random, pixels, i)) continue;
                kept.Add(i);
                labels.Add(sample.Label);
            }
            if (kept.Count == 0) return null;
            using var compacted = kept.Count == length ? null : Keep(pixels, kept);
            var input = (compacted ?? pixels).to(Device);  // a tensor of its own even on the CPU: pixels is freed below
            try
            {
                using var cpuTarget = torch.tensor(labels.ToArray());
                return new TensorPair(input, cpuTarget.to(Device));
            }
            catch
            {
                input.Dispose();
                throw;
            }
        }
        finally
        {
            pixels.Dispose();
        }
    }

    private static Tensor Keep(Tensor pixels, List<long> kept)
    {
        using var index = torch.tensor(kept.ToArray());
        return pixels.index_select(0, index);
    }

    /// <summary>Decodes one file into slot <paramref name="slot"/>; false when it was skipped as corrupt.</summary>
    private bool Load(string path, DeterministicRandom random, Tensor pixels, int slot)
    {
        try
        {
            var size = new FileInfo(path).Length;
            if (size > MaxFileBytes) throw new DataFormatException($"{size:N0} bytes is larger than any image this loader accepts ({MaxFileBytes >> 20} MiB)");
            var bytes = File.ReadAllBytes(path);
            var (height, width) = ImageOps.ReadSize(bytes);
            ImageOps.DecodeResizeInto(bytes, Transform.Plan(height, width, random), mean, std, pixels, slot);
            return true;
        }
        catch (Exception e) when (e is TorchException or IOException or UnauthorizedAccessException or DataFormatException)
        {
            if (Options.OnCorruptImage == CorruptImagePolicy.Fail)
                throw new DataFormatException($"{path}: cannot be decoded: {e.Message}. Replace or delete the file, or skip corrupt images (OnCorruptImage = Skip).");
            Interlocked.Increment(ref skippedImages);
            skippedFiles.TryAdd(path, 0);
            return false;
        }
    }
}
