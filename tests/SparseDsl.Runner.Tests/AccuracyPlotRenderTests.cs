using System.Diagnostics;
using SparseDsl.Runner.Experiments;
using SparseDsl.Runner.Reporting;
using SparseDsl.Torch;
using SparseDsl.Training;

namespace SparseDsl.Runner.Tests;

/// <summary>Runs only where Chromium is installed; says so, and how to install it, when skipped.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium)) Skip = $"{Chromium} is absent: the SVG rendering check needs it (sudo apt-get install chromium, as README's set-up line does).";
    }
}

/// <summary>
/// A sweep's accuracy.svg as a browser shows it: written by the report code from a small synthetic results set,
/// rendered by headless Chromium to a PNG, decoded, and checked for the plot's content (not a blank page).
/// </summary>
public sealed class AccuracyPlotRenderTests : IDisposable
{
    private const string Chromium = ChromiumFactAttribute.Chromium;
    private readonly string folder = Directory.CreateTempSubdirectory("sparsedsl-svg-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static RunOutcome Outcome(string model, string policy, double density, long seed, double accuracy) =>
        new(new RunSpec(model, policy, density, seed), density, 1000, (long)(1000 * density), 1100, 100 + (long)(1000 * density), 5000, (long)(5000 * density),
            new Score(1 - accuracy, accuracy, 10000), null, null, 3, 1.0, []);

    private static IReadOnlyList<RunOutcome> SyntheticSweep()
    {
        var outcomes = new List<RunOutcome>();
        foreach (var model in new[] { "LeNet5", "Mlp" })
            foreach (var seed in new long[] { 1, 2 })
            {
                outcomes.Add(Outcome(model, "dense", 1, seed, 0.90 + 0.004 * seed));
                foreach (var (density, i) in new[] { 0.5, 0.2, 0.1, 0.05 }.Select((d, i) => (d, i)))
                {
                    outcomes.Add(Outcome(model, "erk", density, seed, 0.89 - 0.01 * i + 0.002 * seed));
                    outcomes.Add(Outcome(model, "uniform", density, seed, 0.88 - 0.03 * i + 0.002 * seed));
                }
            }
        return outcomes;
    }

    [ChromiumFact]
    public void Headless_chromium_renders_the_sweeps_accuracy_plot_with_its_lines_and_text()
    {
        SweepReport.Write(folder, SyntheticSweep(), "test");
        var svg = Path.Combine(folder, "accuracy.svg");
        var png = Path.Combine(folder, "accuracy.png");
        const int Width = 720, Height = 288; // two panels of 360 × (260 + 28 legend), as the SVG declares
        Assert.Contains($"width=\"{Width}\" height=\"{Height}\"", File.ReadAllText(svg));

        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--user-data-dir={Path.Combine(folder, "profile")}",
                     $"--window-size={Width},{Height}", $"--screenshot={png}", new Uri(svg).AbsoluteUri })
            start.ArgumentList.Add(argument);
        using (var process = Process.Start(start)!)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "chromium did not finish in 2 minutes");
            Assert.True(File.Exists(png), $"no screenshot; chromium exited {process.ExitCode}: {stderr.Result}");
        }

        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a }, bytes[..8]); // the PNG signature
        byte[] rgb;
        using (var image = ImageOps.Decode(bytes)) // [H, W, 3] uint8, decoded by libpng
        {
            Assert.Equal([Height, Width, 3], image.shape);
            rgb = image.data<byte>().ToArray();
        }
        var pixels = Enumerable.Range(0, Height * Width).Select(i => (R: rgb[3 * i], G: rgb[3 * i + 1], B: rgb[3 * i + 2])).ToList();
        int Count((byte, byte, byte) colour) => pixels.Count(p => p == colour);
        var white = Count((255, 255, 255));
        Assert.InRange(white, pixels.Count / 2, pixels.Count - 1000);   // a white page with drawing on it
        Assert.True(Count((0x1f, 0x77, 0xb4)) > 100, "no pixels of the first policy's colour (erk, #1f77b4)");
        Assert.True(Count((0xd6, 0x27, 0x28)) > 100, "no pixels of the second policy's colour (uniform, #d62728)");
        var dark = pixels.Count(p => p.R + p.G + p.B < 200);
        Assert.True(dark > 500, $"only {dark} dark pixels: axis labels and titles are missing");
    }
}
