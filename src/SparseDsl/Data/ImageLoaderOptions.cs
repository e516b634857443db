namespace SparseDsl.Data;

/// <summary>What to do with an image file that cannot be read or decoded.</summary>
public enum CorruptImagePolicy
{
    /// <summary>Stop with a <see cref="DataFormatException"/> naming the file.</summary>
    Fail,

    /// <summary>Leave the image out of its batch and count it (<see cref="ImageFolderBatches.SkippedImages"/>).</summary>
    Skip,
}

/// <summary>Settings of the <see cref="ImageFolderBatches"/> decoding pipeline.</summary>
public sealed record ImageLoaderOptions
{
    /// <summary>Threads decoding batches in parallel (each makes whole batches).</summary>
    public int Workers { get; init; } = Math.Clamp(Environment.ProcessorCount - 1, 1, 8);

    /// <summary>Batches ready or in the making ahead of the trainer (raised to <see cref="Workers"/> if smaller).</summary>
    public int Prefetch { get; init; } = 4;

    public CorruptImagePolicy OnCorruptImage { get; init; } = CorruptImagePolicy.Fail;

    /// <summary>Per-channel normalisation, in [0, 1] pixel units (default: ImageNet's).</summary>
    public IReadOnlyList<double> Mean { get; init; } = ImageFolder.ImageNetMean;

    public IReadOnlyList<double> Std { get; init; } = ImageFolder.ImageNetStd;
}
