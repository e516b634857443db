using SparseDsl.Training;

namespace SparseDsl.Runner.Experiments;

/// <summary>Per masked layer: what was kept and what a forward pass costs.</summary>
public sealed record LayerOutcome(string Name, IReadOnlyList<long> Shape, long Weights, double TargetDensity, long Kept, long DenseMacs)
{
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
    IReadOnlyList<LayerOutcome> Layers);
