using System.Globalization;
using SparseDsl.Runner.Options;

namespace SparseDsl.Runner.Experiments;

/// <summary>One grid point: a model pruned by a policy (its canonical name, e.g. erk) at a density, trained from a seed.</summary>
public sealed record RunSpec(string Model, string Policy, double Density, long Seed)
{
    /// <summary>Folder-safe name, e.g. <c>lenet5_erk_d0.1_s17</c>.</summary>
    public string Slug => string.Create(CultureInfo.InvariantCulture,
        $"{Model.ToLowerInvariant()}_{Policy.Replace("+", "plus")}_d{Density:0.#####}_s{Seed}");
}

/// <summary>The grid of an experiment, in a fixed order so that an index names the same run everywhere.</summary>
public static class ExperimentGrid
{
    /// <summary>
    /// models × policies × densities × seeds; dense (density 1), explicit and declared policies (their own density) run
    /// once per seed.
    /// </summary>
    public static IReadOnlyList<RunSpec> Expand(ExperimentOptions experiment, Func<string, string> canonicalModelName, PolicyNames policies)
    {
        var runs = new List<RunSpec>();
        foreach (var model in experiment.Models.Select(canonicalModelName))
            foreach (var name in experiment.Policies)
                foreach (var density in policies.GridDensities(name, experiment.Densities))
                    foreach (var seed in experiment.Seeds)
                        runs.Add(new RunSpec(model, policies.Canonical(name), density, seed));
        return [.. runs.Distinct()];
    }

    /// <summary>The array-job index: Sweep:Index when set, else SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX, else null (all).</summary>
    public static int? ArrayIndex(SweepOptions sweep, Func<string, string?> environment)
    {
        if (sweep.Index >= 0) return sweep.Index;
        foreach (var variable in new[] { "SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX" })
            if (int.TryParse(environment(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0)
                return index;
        return null;
    }
}
