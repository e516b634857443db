using SparseDsl.Generated;
using Spectre.Console;

namespace SparseDsl.Runner.Commands;

/// <summary>Lists the compile-time model catalog.</summary>
internal static class ModelsCommand
{
    public static void Write(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("model", "aliases", "input", "parameters", "masked weights", "MACs / sample");
        foreach (var m in ModelCatalog.All)
            table.AddRow(
                Markup.Escape(m.Name),
                Markup.Escape(string.Join(", ", m.Aliases)),
                string.Join("×", m.Info.InputShape),
                m.Info.ParameterCount.ToString("N0"),
                m.Info.PrunableWeightCount.ToString("N0"),
                m.Info.MacsPerSample.ToString("N0"));
        console.Write(table);
    }
}
