using SparseDsl.Modeling;
using SparseDsl.Runner.Options;
using SparseDsl.Sparsity;

namespace SparseDsl.Runner.Commands;

/// <summary>
/// What the <c>ratios</c> command inspects: the first model, policy, density and seed of the validated
/// <see cref="RunnerOptions"/> (<c>Experiment:Models</c>, <c>Experiment:Policies</c>, …), with the layer rules
/// (<c>Experiment:KeepDense</c>, <c>Experiment:LayerDensities</c>, <c>Experiment:ClassifierDensity</c>) and
/// <c>Output:Json</c>.
/// </summary>
internal sealed class RatiosSettings
{
    private RatiosSettings(RunnerOptions shared, ModelEntry model, RatioPolicy policy, double density, long seed)
    {
        Shared = shared;
        Model = model;
        Policy = policy;
        Density = density;
        Seed = seed;
    }

    public RunnerOptions Shared { get; }

    public ModelEntry Model { get; }

    public RatioPolicy Policy { get; }

    /// <summary>The global density inspected (1 for dense; unused by explicit).</summary>
    public double Density { get; }

    public long Seed { get; }

    public LayerRules Rules => Shared.Experiment.Rules;

    public double ClassifierDensity => Shared.Experiment.ClassifierDensity;

    public bool Json => Shared.Output.Json;

    /// <exception cref="OptionsException">Every problem, each with its key.</exception>
    public static RatiosSettings Load(Microsoft.Extensions.Configuration.IConfiguration configuration, Func<string, ModelEntry?> findModel)
    {
        var shared = RunnerOptions.Load(configuration, name => findModel(name) is not null);
        var experiment = shared.Experiment;
        RatioPolicy.TryParse(experiment.Policies[0], out var policy);
        var density = policy!.Name == "dense" ? 1.0 : experiment.Densities.Count > 0 ? experiment.Densities[0] : 1.0;
        return new RatiosSettings(shared, findModel(experiment.Models[0])!, policy, density, experiment.Seeds[0]);
    }
}
