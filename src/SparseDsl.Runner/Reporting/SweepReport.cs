using System.Globalization;
using System.Text;
using SparseDsl.Runner.Experiments;

namespace SparseDsl.Runner.Reporting;

/// <summary>Writes a sweep's results.csv (one row per run), report.md (mean ± std over seeds) and accuracy.svg.</summary>
public static class SweepReport
{
    public static void Write(string folder, IReadOnlyList<RunOutcome> outcomes, string command)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.csv"), Csv(outcomes));
        var groups = ResultGroup.Of(outcomes);
        File.WriteAllText(Path.Combine(folder, "report.md"), Markdown(groups, command));
        File.WriteAllText(Path.Combine(folder, "accuracy.svg"), AccuracyPlot.Svg(groups));
    }

    public static string Csv(IEnumerable<RunOutcome> outcomes)
    {
        var csv = new StringBuilder("model,policy,density,seed,realised_density,kept_weights,masked_weights,kept_parameters,total_parameters,dense_macs,sparse_macs,test_accuracy,test_loss,best_validation_accuracy,best_epoch,wall_seconds,test_top5_accuracy,test_nll,test_ece\n");
        foreach (var o in outcomes.OrderBy(o => o.Spec.Model).ThenBy(o => o.Spec.Policy).ThenByDescending(o => o.Spec.Density).ThenBy(o => o.Spec.Seed))
            csv.Append(CultureInfo.InvariantCulture,
                $"{o.Spec.Model},{o.Spec.Policy},{o.Spec.Density:R},{o.Spec.Seed},{o.RealisedDensity:R},{o.KeptWeights},{o.MaskedWeights},{o.KeptParameters},{o.TotalParameters},{o.DenseMacs},{o.SparseMacs},{o.Test.Accuracy:R},{o.Test.Loss:R},{o.BestValidation?.Accuracy:R},{o.BestEpoch},{o.WallSeconds:0.###},{o.Metrics?.Top5:R},{o.Metrics?.Nll:R},{o.Metrics?.Ece:R}\n");
        return csv.ToString();
    }

    public static string Markdown(IReadOnlyList<ResultGroup> groups, string command)
    {
        var md = new StringBuilder();
        md.Append("# Sweep report\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Produced by `{command}`. Test accuracy of the best-validation weights, mean ± sample std over seeds.\n\n");
        md.Append("| model | policy | density | sparsity | seeds | test accuracy (%) | test loss | realised density | sparse MACs / dense |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|\n");
        foreach (var g in groups)
        {
            var macs = g.Runs.Average(r => (double)r.SparseMacs / r.DenseMacs);
            // One seed has no spread: a "± 0.00" would claim a measured std of zero.
            var spread = g.Runs.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" ± {100 * g.StdAccuracy:0.00}") : " (one seed)";
            md.Append(CultureInfo.InvariantCulture,
                $"| {g.Model} | {g.Policy} | {g.Density:0.####} | {g.Sparsity:0.####} | {g.Runs.Count} | {100 * g.MeanAccuracy:0.00}{spread} | {g.MeanLoss:0.0000} | {g.MeanRealisedDensity:0.0000} | {macs:0.000} |\n");
        }
        md.Append("\n![Test accuracy against sparsity](accuracy.svg)\n");
        return md.ToString();
    }
}
