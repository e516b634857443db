using SparseDsl.Modeling;
using SparseDsl.Runner.Options;
using SparseDsl.Sparsity;

namespace SparseDsl.Runner.Commands;

/// <summary>
/// What the <c>ratios</c> command inspects: the first model, policy, density and seed of the validated
/// <see cref="RunnerOptions"/> (<c>Experiment:Models</c>, <c>Experiment:Policies</c>, …), with the layer rules
/// (<c>Experiment:KeepDense</c>, <c>Experiment:LayerDensities</c>, <c>Experiment:ClassifierDensity</c>) and
/// <c>Output:Json</c>. A declared policy (<c>[SparsityPolicy]</c>) brings its own density and rules.
/// </summary>
internal sealed class RatiosSettings
{
    private RatiosSettings(RunnerOptions shared, ModelEntry model, string policyName, RatioRequest request, long seed)
    {
        Shared = shared;
        Model = model;
        PolicyName = policyName;
        Request = request;
        Seed = seed;
    }

    public RunnerOptions Shared { get; }

    public ModelEntry Model { get; }

    /// <summary>The policy as recorded: a built-in ratio's name (<c>erk</c>) or a declared policy's (<c>Erk90StemDense</c>).</summary>
    public string PolicyName { get; }

    /// <summary>What the densities are computed from: the ratio, density, classifier density and rules (a declared policy's own).</summary>
    public RatioRequest Request { get; }

    /// <summary>The global density inspected (1 for dense; unused by explicit).</summary>
    public double Density => Request.Density;

    public long Seed { get; }

    public bool Json => Shared.Output.Json;

    /// <exception cref="OptionsException">Every problem, each with its key.</exception>
    public static RatiosSettings Load(Microsoft.Extensions.Configuration.IConfiguration configuration, Func<string, ModelEntry?> findModel)
    {
        var shared = RunnerOptions.Load(configuration, name => findModel(name) is not null);
        var experiment = shared.Experiment;
        var name = experiment.Policies[0];
        var densities = shared.Policies.GridDensities(name, experiment.Densities);
        var density = densities.Count > 0 ? densities[0] : 1.0;
        return new RatiosSettings(shared, findModel(experiment.Models[0])!, shared.Policies.Canonical(name),
            shared.Policies.Request(name, density, experiment), experiment.Seeds[0]);
    }
}
