using System.Globalization;
using SparseDsl.Runner.Experiments;
using Spectre.Console;

namespace SparseDsl.Runner.Reporting;

/// <summary>The final table of a run or sweep: one row per trained model.</summary>
internal static class ResultsTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<RunOutcome> results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]SparseDsl results[/]");
        table.AddColumns("model", "policy", "seed", "density", "sparsity", "params kept", "MACs kept", "test acc", "test loss", "wall time");
        foreach (var column in table.Columns.Skip(2)) column.RightAligned();
        foreach (var r in results)
            table.AddRow(
                Markup.Escape(r.Spec.Model),
                Markup.Escape(r.Spec.Policy),
                r.Spec.Seed.ToString(CultureInfo.InvariantCulture),
                r.RealisedDensity.ToString("0.0000", CultureInfo.InvariantCulture),
                Percent(1 - r.RealisedDensity, "0.0"),
                $"{r.KeptParameters:N0}/{r.TotalParameters:N0}",
                Percent((double)r.SparseMacs / r.DenseMacs, "0.0"),
                Percent(r.Test.Accuracy, "0.00"),
                r.Test.Loss.ToString("0.0000", CultureInfo.InvariantCulture),
                $"{r.WallSeconds:0.0} s");
        console.Write(table);
    }

    private static string Percent(double fraction, string format) => (fraction * 100).ToString(format, CultureInfo.InvariantCulture) + "%";
}
