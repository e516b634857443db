namespace SparseDsl.Runner.Options;

/// <summary>Section "Data": where the images come from.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>fashion-mnist or mnist (IDX files).</summary>
    public string Dataset { get; set; } = "fashion-mnist";

    public string Path { get; set; } = SparseDsl.Data.FashionMnist.DefaultDirectory;

    /// <summary>Share of the training images held out for validation (the official code holds out 10%).</summary>
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Use only the first N training images (0 = all): for quick trials and smoke tests.</summary>
    public int TrainLimit { get; set; }
}
