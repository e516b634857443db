using SparseDsl.Training;

namespace SparseDsl.Runner.Commands;

/// <summary>One trained model: what was pruned and how it scored.</summary>
public sealed record RunResult(string Model, string Policy, double TargetDensity, double RealisedDensity, long MaskedWeights,
    long KeptWeights, long TotalParameters, long KeptParameters, Score Test, Score? Validation, TimeSpan WallTime);
