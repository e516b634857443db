using SparseDsl.Randomness;

namespace SparseDsl.Data;

/// <summary>
/// The paper's CIFAR training augmentation: pad each image with <paramref name="Padding"/> zero pixels on every side,
/// take a random crop of the original size, and mirror it horizontally with probability ½ when
/// <paramref name="HorizontalFlip"/> is set (torchvision's RandomCrop(32, padding=4) + RandomHorizontalFlip()).
/// Applied on the device to whole batches by <see cref="DeviceBatches"/>.
/// </summary>
public sealed record RandomCropFlip(int Padding = 4, bool HorizontalFlip = true)
{
    /// <summary>Pad 4, crop 32, flip: the official code's CIFAR-10/100 transform.</summary>
    public static RandomCropFlip Cifar { get; } = new();

    /// <summary>
    /// The random choices of one batch, (top, left, flip) per sample, drawn from (seed, epoch, batch) alone so that
    /// a resumed run, or a run with a different prefetch depth, sees the same crops.
    /// </summary>
    public long[] Choices(int count, long seed, int epoch, int batch)
    {
        if (Padding < 0) throw new InvalidOperationException($"padding must be >= 0, got {Padding}");
        var random = DeterministicRandom.For(seed, $"crop-flip/epoch-{epoch}/batch-{batch}");
        var span = 2L * Padding + 1;
        var choices = new long[count * 3];
        for (var i = 0; i < count; i++)
        {
            choices[i * 3] = random.NextLong(span);
            choices[i * 3 + 1] = random.NextLong(span);
            choices[i * 3 + 2] = HorizontalFlip ? random.NextLong(2) : 0;
        }
        return choices;
    }
}
