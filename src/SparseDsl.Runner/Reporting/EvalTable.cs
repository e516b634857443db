using System.Globalization;
using SparseDsl.Runner.Commands;
using Spectre.Console;

namespace SparseDsl.Runner.Reporting;

/// <summary>What eval prints: the metrics, then the costs per masked layer and in total.</summary>
internal static class EvalTable
{
    public static void Write(IAnsiConsole console, EvalResult r)
    {
        var m = r.Metrics;
        var metrics = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape($"{r.Identity.Model} · {r.Identity.Policy} · epoch {r.Epoch} · {r.Dataset} test ({m.Count:N0} images)")}[/]");
        metrics.AddColumns("metric", "value");
        metrics.Columns[1].RightAligned();
        metrics.AddRow("top-1 accuracy", Percent(m.Top1));
        if (m.Top5 is { } top5) metrics.AddRow("top-5 accuracy", Percent(top5));
        metrics.AddRow("negative log-likelihood", F(m.Nll, "0.0000"));
        metrics.AddRow($"ECE ({m.Bins.Count} bins)", Percent(m.Ece));
        foreach (var o in m.OoD)
        {
            metrics.AddRow($"OoD {Markup.Escape(o.Set)}: AUROC (MSP)", F(o.Auroc, "0.0000"));
            metrics.AddRow($"OoD {Markup.Escape(o.Set)}: FPR at 95% TPR", Percent(o.FprAt95Tpr));
        }
        foreach (var a in m.Adversarial)
        {
            var name = a.Attack == "fgsm"
                ? $"FGSM ε={F(a.Epsilon, "0.#####")}"
                : $"PGD-{a.Steps} ε={F(a.Epsilon, "0.#####")} α={F(a.StepSize, "0.#####")}";
            metrics.AddRow($"accuracy under {name}", Percent(a.Accuracy));
        }
        metrics.AddRow("parameters kept / total", $"{r.KeptParameters:N0} / {r.TotalParameters:N0}");
        metrics.AddRow("MACs per sample sparse / dense", $"{r.SparseMacs:N0} / {r.DenseMacs:N0}");
        console.Write(metrics);

        var layers = new Table().Border(TableBorder.Rounded).Title("[bold]cost per masked layer[/]");
        layers.AddColumns("layer", "shape", "weights", "kept", "density", "params kept", "dense MACs", "sparse MACs");
        foreach (var column in layers.Columns.Skip(2)) column.RightAligned();
        foreach (var l in r.Layers)
            layers.AddRow(Markup.Escape(l.Name), string.Join("×", l.Shape), N(l.Weights), N(l.Kept), F(l.Density, "0.0000"), $"{N(l.KeptParameters)}/{N(l.Parameters)}", N(l.DenseMacs), N(l.SparseMacs));
        layers.AddRow("[bold]total[/]", "", N(r.Layers.Sum(l => l.Weights)), N(r.Layers.Sum(l => l.Kept)),
            F((double)r.Layers.Sum(l => l.Kept) / Math.Max(1, r.Layers.Sum(l => l.Weights)), "0.0000"),
            $"{N(r.KeptParameters)}/{N(r.TotalParameters)}", N(r.DenseMacs), N(r.SparseMacs));
        console.Write(layers);
        console.WriteLine($"eval.json: {r.JsonPath}");
        console.WriteLine($"reliability diagram: {r.SvgPath}");
    }

    private static string Percent(double v) => (100 * v).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
