using System.Globalization;
using SparseDsl.Runner.Commands;
using Spectre.Console;

namespace SparseDsl.Runner.Reporting;

/// <summary>The final table of a run: one row per trained model.</summary>
internal static class ResultsTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<RunResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]SparseDsl results[/]");
        table.AddColumns("model", "policy", "density", "sparsity", "params kept", "test acc", "test loss", "wall time");
        foreach (var column in table.Columns.Skip(2)) column.RightAligned();
        foreach (var r in results)
            table.AddRow(
                Markup.Escape(r.Model),
                Markup.Escape(r.Policy),
                r.RealisedDensity.ToString("0.0000"),
                Percent(1 - r.RealisedDensity, "0.0"),
                $"{r.KeptParameters:N0} / {r.TotalParameters:N0}",
                Percent(r.Test.Accuracy, "0.00"),
                r.Test.Loss.ToString("0.0000"),
                $"{r.WallTime.TotalSeconds:0.0} s");
        console.Write(table);
    }

    private static string Percent(double fraction, string format) => (fraction * 100).ToString(format, CultureInfo.InvariantCulture) + "%";
}
