using SparseDsl.Sparsity;

namespace SparseDsl.Runner.Options;

/// <summary>
/// Section "Experiment": the grid to run — every model × policy × density × seed. Lists are given as
/// arrays in appsettings.json, as indexed keys (<c>--Experiment:Policies:0=erk</c>) or comma-separated
/// (<c>--Experiment:Policies=dense,erk</c>).
/// </summary>
public sealed class ExperimentOptions
{
    public const string Section = "Experiment";

    /// <summary>Model names or aliases from the generated catalog (e.g. lenet5, mlp).</summary>
    public List<string> Models { get; set; } = [];

    /// <summary>Layer-wise allocations: dense, uniform, uniform+, er, erk, erk+.</summary>
    public List<string> Policies { get; set; } = [];

    /// <summary>Global densities of the masked weights (0.1 = 90% sparsity); the dense policy ignores them.</summary>
    public List<double> Densities { get; set; } = [];

    public List<long> Seeds { get; set; } = [];

    public MaskSampling MaskSampling { get; set; } = MaskSampling.Exact;
}
