using SparseDsl.Sparsity;

namespace SparseDsl.Runner.Options;

/// <summary>Section "Experiment": what to train.</summary>
public sealed class ExperimentOptions
{
    public const string Section = "Experiment";

    /// <summary>Model name or alias from the generated catalog (e.g. lenet5, mlp).</summary>
    public string Model { get; set; } = "lenet5";

    /// <summary>Layer-wise allocations to compare: dense, uniform, uniform+, er, erk, erk+.</summary>
    public List<string> Policies { get; set; } = [];

    /// <summary>Global density of the masked weights for every policy but dense (0.1 = 90% sparsity).</summary>
    public double Density { get; set; } = 0.1;

    public long Seed { get; set; } = 17;

    public MaskSampling MaskSampling { get; set; } = MaskSampling.Exact;
}
