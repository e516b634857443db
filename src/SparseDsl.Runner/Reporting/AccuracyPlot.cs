using System.Globalization;
using System.Net;
using System.Text;

namespace SparseDsl.Runner.Reporting;

/// <summary>
/// Test accuracy against sparsity in the paper's figure style: one panel per model, one line per policy
/// (mean over seeds, ±std whiskers), the dense model as a horizontal band (mean ± std). Plain SVG, no dependencies.
/// </summary>
public static class AccuracyPlot
{
    private const int PanelWidth = 360, PanelHeight = 260, Left = 56, Top = 36, Right = 16, Bottom = 46, LegendHeight = 28;
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    public static string Svg(IReadOnlyList<ResultGroup> groups)
    {
        var models = groups.Select(g => g.Model).Distinct().ToList();
        var policies = groups.Where(g => g.Policy != "dense").Select(g => g.Policy).Distinct().Order().ToList();
        var width = Math.Max(1, models.Count) * PanelWidth;
        var height = PanelHeight + LegendHeight;
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        svg.Append(Inv($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
        for (var m = 0; m < models.Count; m++)
            Panel(svg, m * PanelWidth, models[m], [.. groups.Where(g => g.Model == models[m])], policies);
        Legend(svg, policies, PanelHeight + 6);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int x0, string model, List<ResultGroup> groups, List<string> policies)
    {
        var sparse = groups.Where(g => g.Policy != "dense").ToList();
        var dense = groups.FirstOrDefault(g => g.Policy == "dense");
        // Sparsities are spaced evenly (as in the paper's figures), not to scale.
        var sparsities = sparse.Select(g => Math.Round(g.Sparsity, 6)).Distinct().Order().ToList();
        var values = groups.SelectMany(g => new[] { g.MeanAccuracy - g.StdAccuracy, g.MeanAccuracy + g.StdAccuracy }).ToList();
        var (yMin, yMax) = values.Count == 0 ? (0.0, 1.0) : NiceRange(values.Min(), values.Max());
        double plotW = PanelWidth - Left - Right, plotH = PanelHeight - Top - Bottom;
        double X(double s) => x0 + Left + (sparsities.Count <= 1 ? plotW / 2 : plotW * sparsities.IndexOf(Math.Round(s, 6)) / (sparsities.Count - 1));
        double Y(double a) => Top + plotH * (1 - (a - yMin) / (yMax - yMin));

        svg.Append(Inv($"<text x=\"{x0 + PanelWidth / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">{Esc(model)}</text>\n"));
        svg.Append(Inv($"<rect x=\"{x0 + Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#444\"/>\n"));
        for (var i = 0; i <= 4; i++)
        {
            var a = yMin + (yMax - yMin) * i / 4;
            svg.Append(Inv($"<line x1=\"{x0 + Left}\" x2=\"{x0 + Left + plotW}\" y1=\"{Y(a):0.#}\" y2=\"{Y(a):0.#}\" stroke=\"#ddd\"/>"));
            svg.Append(Inv($"<text x=\"{x0 + Left - 4}\" y=\"{Y(a) + 4:0.#}\" text-anchor=\"end\">{100 * a:0.#}</text>\n"));
        }
        foreach (var s in sparsities)
            svg.Append(Inv($"<text x=\"{X(s):0.#}\" y=\"{Top + plotH + 14}\" text-anchor=\"middle\">{s:0.###}</text>\n"));
        svg.Append(Inv($"<text x=\"{x0 + Left + plotW / 2}\" y=\"{PanelHeight - 8}\" text-anchor=\"middle\">sparsity</text>\n"));
        svg.Append(Inv($"<text transform=\"translate({x0 + 14},{Top + plotH / 2}) rotate(-90)\" text-anchor=\"middle\">test accuracy (%)</text>\n"));

        if (dense is not null)
        {
            var top = Y(dense.MeanAccuracy + dense.StdAccuracy);
            var bandHeight = Math.Max(1.5, Y(dense.MeanAccuracy - dense.StdAccuracy) - top);
            svg.Append(Inv($"<rect x=\"{x0 + Left}\" y=\"{top:0.##}\" width=\"{plotW}\" height=\"{bandHeight:0.##}\" fill=\"#888\" fill-opacity=\"0.25\"><title>dense {100 * dense.MeanAccuracy:0.00} ± {100 * dense.StdAccuracy:0.00}</title></rect>\n"));
            svg.Append(Inv($"<line x1=\"{x0 + Left}\" x2=\"{x0 + Left + plotW}\" y1=\"{Y(dense.MeanAccuracy):0.##}\" y2=\"{Y(dense.MeanAccuracy):0.##}\" stroke=\"#555\" stroke-dasharray=\"5,3\"/>\n"));
        }
        foreach (var (policy, color) in policies.Select((p, i) => (p, Colors[i % Colors.Length])))
        {
            var points = sparse.Where(g => g.Policy == policy).OrderBy(g => g.Sparsity).ToList();
            if (points.Count == 0) continue;
            svg.Append(Inv($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(p => Inv($"{X(p.Sparsity):0.##},{Y(p.MeanAccuracy):0.##}")))}\"/>\n"));
            foreach (var p in points)
            {
                if (p.StdAccuracy > 0)
                    svg.Append(Inv($"<line x1=\"{X(p.Sparsity):0.##}\" x2=\"{X(p.Sparsity):0.##}\" y1=\"{Y(p.MeanAccuracy - p.StdAccuracy):0.##}\" y2=\"{Y(p.MeanAccuracy + p.StdAccuracy):0.##}\" stroke=\"{color}\"/>"));
                svg.Append(Inv($"<circle cx=\"{X(p.Sparsity):0.##}\" cy=\"{Y(p.MeanAccuracy):0.##}\" r=\"3.5\" fill=\"{color}\"><title>{Esc(policy)} sparsity {p.Sparsity:0.###}: {100 * p.MeanAccuracy:0.00} ± {100 * p.StdAccuracy:0.00}</title></circle>\n"));
            }
        }
    }

    private static void Legend(StringBuilder svg, List<string> policies, int y)
    {
        var x = Left;
        svg.Append(Inv($"<rect x=\"{x}\" y=\"{y + 4}\" width=\"18\" height=\"8\" fill=\"#888\" fill-opacity=\"0.4\"/><text x=\"{x + 22}\" y=\"{y + 12}\">dense (mean ± std)</text>\n"));
        x += 140;
        foreach (var (policy, i) in policies.Select((p, i) => (p, i)))
        {
            svg.Append(Inv($"<line x1=\"{x}\" x2=\"{x + 18}\" y1=\"{y + 8}\" y2=\"{y + 8}\" stroke=\"{Colors[i % Colors.Length]}\" stroke-width=\"2\"/><text x=\"{x + 22}\" y=\"{y + 12}\">{Esc(policy)}</text>\n"));
            x += 40 + 7 * policy.Length;
        }
    }

    private static (double, double) NiceRange(double min, double max)
    {
        var span = Math.Max(max - min, 0.01);
        var step = span > 0.2 ? 0.05 : span > 0.05 ? 0.01 : 0.005;
        var low = Math.Floor((min - span * 0.1) / step) * step;
        var high = Math.Ceiling((max + span * 0.1) / step) * step;
        return (Math.Max(0, low), Math.Min(1, high));
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
