namespace SparseDsl.Sparsity;

/// <summary>What was drawn for one masked layer.</summary>
public sealed record LayerMaskReport(string Name, long[] Shape, long Weights, double TargetDensity, long Kept)
{
    public double Density => Weights == 0 ? 0 : (double)Kept / Weights;
}

/// <summary>What was drawn for a whole model: per layer, and the realised global density.</summary>
public sealed record MaskReport(IReadOnlyList<LayerMaskReport> Layers)
{
    public long Weights => Layers.Sum(l => l.Weights);

    public long Kept => Layers.Sum(l => l.Kept);

    /// <summary>Kept weights over all masked weights.</summary>
    public double GlobalDensity => Weights == 0 ? 1 : (double)Kept / Weights;
}
