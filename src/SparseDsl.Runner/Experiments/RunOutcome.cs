using SparseDsl.Training;

namespace SparseDsl.Runner.Experiments;

/// <summary>Per masked layer: what was kept and what a forward pass costs. Parameters count the bias too (0: unknown, as in older result.json files).</summary>
public sealed record LayerOutcome(string Name, IReadOnlyList<long> Shape, long Weights, double TargetDensity, long Kept, long DenseMacs, long Parameters = 0)
{
    /// <summary>The layer's parameters less its pruned weights.</summary>
    public long KeptParameters => Parameters - (Weights - Kept);

    public double Density => Weights == 0 ? 0 : (double)Kept / Weights;

    /// <summary>Multiply-accumulates per sample that touch kept weights (dense MACs × realised density).</summary>
    public long SparseMacs => (long)Math.Round(DenseMacs * Density);
}

/// <summary>Everything a finished run reports (written as result.json, and a row of results.csv).</summary>
public sealed record RunOutcome(
    RunSpec Spec,
    double RealisedDensity,
    long MaskedWeights,
    long KeptWeights,
    long TotalParameters,
    long KeptParameters,
    long DenseMacs,
    long SparseMacs,
    Score Test,
    Score? Validation,
    Score? BestValidation,
    int BestEpoch,
    double WallSeconds,
    IReadOnlyList<LayerOutcome> Layers,
    MetricsOutcome? Metrics = null)
{
    /// <summary>Cost totals and per-layer costs from a model's installed masks (eval, where no mask report exists).</summary>
    public static (IReadOnlyList<LayerOutcome> Layers, long DenseMacs, long SparseMacs, long TotalParameters, long KeptParameters) CostsOf(SparseDsl.Modeling.SparseModule model)
    {
        var summary = SparseDsl.Sparsity.SparsitySummary.Of(model);
        var layers = summary.Layers.Select(l => new LayerOutcome(l.Name, l.Shape, l.Weights, l.Density, l.Kept, l.DenseMacs,
            model.Info.FindLayer(l.Name)?.ParameterCount ?? l.Weights)).ToList();
        return (layers, model.Info.MacsPerSample, SparseMacsOf(model.Info.MacsPerSample, layers), model.Info.ParameterCount,
            model.Info.ParameterCount - (summary.Weights - summary.Kept));
    }

    /// <summary>The model's dense MACs less what the masks remove, layer by layer (as layers.csv rounds them).</summary>
    public static long SparseMacsOf(long denseMacs, IEnumerable<LayerOutcome> layers) => denseMacs - layers.Sum(l => l.DenseMacs - l.SparseMacs);
}
