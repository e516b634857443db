namespace SparseDsl.Runner.Options;

/// <summary>Section "Data": where the images come from.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>fashion-mnist or mnist (IDX files), cifar10 or cifar100 (binary version), or imagefolder (Path/train and Path/val, a folder per class).</summary>
    public string Dataset { get; set; } = "fashion-mnist";

    public string Path { get; set; } = SparseDsl.Data.FashionMnist.DefaultDirectory;

    /// <summary>auto (CIFAR: pad 4, random crop, flip on training batches), on, or off.</summary>
    public string Augment { get; set; } = "auto";

    /// <summary>Training batches prepared ahead on a background thread (0 = none).</summary>
    public int Prefetch { get; set; } = 2;

    /// <summary>imagefolder: decoding threads (0 = processors − 1).</summary>
    public int Workers { get; set; }

    /// <summary>imagefolder: Fail (default) or Skip an unreadable image (skips are counted and logged).</summary>
    public SparseDsl.Data.CorruptImagePolicy OnCorruptImage { get; set; } = SparseDsl.Data.CorruptImagePolicy.Fail;

    /// <summary>Share of the training images held out for validation (the official code holds out 10%).</summary>
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Use only the first N training images (0 = all): for quick trials and smoke tests.</summary>
    public int TrainLimit { get; set; }
}
