using SparseDsl.Runner.Experiments;

namespace SparseDsl.Runner.Reporting;

/// <summary>Runs that differ only by seed, summarised as mean ± sample standard deviation.</summary>
public sealed record ResultGroup(string Model, string Policy, double Density, IReadOnlyList<RunOutcome> Runs)
{
    public double Sparsity => 1 - Density;

    public double MeanAccuracy => Runs.Average(r => r.Test.Accuracy);

    public double StdAccuracy => Std(Runs.Select(r => r.Test.Accuracy).ToList());

    public double MeanLoss => Runs.Average(r => r.Test.Loss);

    public double MeanRealisedDensity => Runs.Average(r => r.RealisedDensity);

    public static IReadOnlyList<ResultGroup> Of(IEnumerable<RunOutcome> outcomes) =>
        [.. outcomes.GroupBy(o => (o.Spec.Model, o.Spec.Policy, o.Spec.Density))
            .Select(g => new ResultGroup(g.Key.Model, g.Key.Policy, g.Key.Density, [.. g.OrderBy(o => o.Spec.Seed)]))
            .OrderBy(g => g.Model).ThenBy(g => g.Policy == "dense" ? 0 : 1).ThenBy(g => g.Policy).ThenByDescending(g => g.Density)];

    private static double Std(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
