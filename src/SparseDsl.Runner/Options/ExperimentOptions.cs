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

    /// <summary>Layer-wise ratios: dense, uniform, uniform+, er, erk, erk+, snip, grasp, synflow, explicit.</summary>
    public List<string> Policies { get; set; } = [];

    /// <summary>Global densities of the masked weights (0.1 = 90% sparsity); the dense policy ignores them.</summary>
    public List<double> Densities { get; set; } = [];

    public List<long> Seeds { get; set; } = [];

    public MaskSampling MaskSampling { get; set; } = MaskSampling.Exact;

    /// <summary>Layers kept dense whatever the policy: a layer name, a kind (Conv2d, Linear), <c>first</c> or <c>classifier</c>.</summary>
    public List<string> KeepDense { get; set; } = [];

    /// <summary>Fixed densities by selector (as <see cref="KeepDense"/>); with the explicit policy, every layer's density.</summary>
    public Dictionary<string, double> LayerDensities { get; set; } = [];

    /// <summary>Classifier density of ERK+ (the official README's example keeps it dense).</summary>
    public double ClassifierDensity { get; set; } = 1.0;

    public LayerRules Rules => new(KeepDense, LayerDensities);
}
