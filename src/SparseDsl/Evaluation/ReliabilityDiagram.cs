using System.Globalization;
using System.Net;
using System.Text;

namespace SparseDsl.Evaluation;

/// <summary>
/// A reliability diagram as plain SVG: per confidence bin a bar up to its accuracy, a red band between the accuracy and
/// the bin's mean confidence (the gap), the diagonal of perfect calibration, and the ECE in the title. Empty bins have no bar.
/// </summary>
public static class ReliabilityDiagram
{
    private const int Width = 420, Height = 400, Left = 56, Top = 40, Right = 16, Bottom = 50;

    public static string Svg(Calibration calibration, string title)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double v) => Left + plotW * v;
        double Y(double v) => Top + plotH * (1 - v);
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        svg.Append(Inv($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Inv($"<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">{Esc(title)}</text>\n"));
        svg.Append(Inv($"<text x=\"{Width / 2}\" y=\"33\" text-anchor=\"middle\">ECE {100 * calibration.Ece:0.00}% over {calibration.Count:N0} samples, {calibration.Bins.Count} bins</text>\n"));
        for (var i = 0; i <= 5; i++)
        {
            var v = i / 5.0;
            svg.Append(Inv($"<line x1=\"{X(0):0.#}\" x2=\"{X(1):0.#}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#eee\"/>"));
            svg.Append(Inv($"<text x=\"{X(0) - 4:0.#}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{v:0.0}</text>"));
            svg.Append(Inv($"<text x=\"{X(v):0.#}\" y=\"{Y(0) + 14:0.#}\" text-anchor=\"middle\">{v:0.0}</text>\n"));
        }
        foreach (var bin in calibration.Bins.Where(b => b.Count > 0))
        {
            double x = X(bin.Lower) + 1, w = X(bin.Upper) - X(bin.Lower) - 2;
            svg.Append(Inv($"<rect class=\"accuracy\" x=\"{x:0.##}\" y=\"{Y(bin.Accuracy):0.##}\" width=\"{w:0.##}\" height=\"{Y(0) - Y(bin.Accuracy):0.##}\" fill=\"#1f77b4\" stroke=\"#0b3d66\"><title>({bin.Lower:0.###}, {bin.Upper:0.###}]: {bin.Count:N0} samples, accuracy {bin.Accuracy:0.####}, confidence {bin.MeanConfidence:0.####}</title></rect>\n"));
            var (low, high) = (Math.Min(bin.Accuracy, bin.MeanConfidence), Math.Max(bin.Accuracy, bin.MeanConfidence));
            svg.Append(Inv($"<rect class=\"gap\" x=\"{x:0.##}\" y=\"{Y(high):0.##}\" width=\"{w:0.##}\" height=\"{Y(low) - Y(high):0.##}\" fill=\"#d62728\" fill-opacity=\"0.35\" stroke=\"#d62728\"/>\n"));
        }
        svg.Append(Inv($"<line class=\"diagonal\" x1=\"{X(0):0.#}\" y1=\"{Y(0):0.#}\" x2=\"{X(1):0.#}\" y2=\"{Y(1):0.#}\" stroke=\"#444\" stroke-dasharray=\"5,4\"/>\n"));
        svg.Append(Inv($"<rect x=\"{X(0):0.#}\" y=\"{Y(1):0.#}\" width=\"{plotW:0.#}\" height=\"{plotH:0.#}\" fill=\"none\" stroke=\"#444\"/>\n"));
        svg.Append(Inv($"<text x=\"{X(0.5):0.#}\" y=\"{Height - 18}\" text-anchor=\"middle\">confidence (maximum softmax probability)</text>\n"));
        svg.Append(Inv($"<text transform=\"translate(16,{Top + plotH / 2:0.#}) rotate(-90)\" text-anchor=\"middle\">accuracy</text>\n"));
        var legendY = Height - 4;
        svg.Append(Inv($"<rect x=\"{Left}\" y=\"{legendY - 9}\" width=\"10\" height=\"10\" fill=\"#1f77b4\"/><text x=\"{Left + 14}\" y=\"{legendY}\">accuracy</text>"));
        svg.Append(Inv($"<rect x=\"{Left + 90}\" y=\"{legendY - 9}\" width=\"10\" height=\"10\" fill=\"#d62728\" fill-opacity=\"0.35\" stroke=\"#d62728\"/><text x=\"{Left + 104}\" y=\"{legendY}\">gap to confidence</text>"));
        svg.Append(Inv($"<line x1=\"{Left + 220}\" x2=\"{Left + 240}\" y1=\"{legendY - 4}\" y2=\"{legendY - 4}\" stroke=\"#444\" stroke-dasharray=\"5,4\"/><text x=\"{Left + 244}\" y=\"{legendY}\">perfect calibration</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}
