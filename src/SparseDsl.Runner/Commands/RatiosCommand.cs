using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SparseDsl.Data;
using SparseDsl.Runner.Experiments;
using SparseDsl.Modeling;
using SparseDsl.Runner.Options;
using SparseDsl.Sparsity;
using SparseDsl.Training;
using Spectre.Console;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Runner.Commands;

/// <summary>
/// <c>ratios</c>: builds the model as <c>train</c> does (seeded, Kaiming-normal), computes the layer-wise densities of
/// one policy (<c>Experiment:Policies:0</c>) at <c>Experiment:Density</c>, draws the random masks, and prints per masked
/// layer its name, shape, parameters, density and kept weights, plus the realised global density and forward MACs.
/// With <c>Output:Json=true</c> stdout is a JSON array, one object per masked layer in forward order, and the global
/// figures go to stderr as one JSON object.
/// </summary>
internal static class RatiosCommand
{
    public static void Run(RatiosSettings settings, ModelEntry model, IAnsiConsole console)
    {
        var shared = settings.Shared;
        var experiment = shared.Experiment;
        if (shared.Runtime.Threads > 0) set_num_threads(shared.Runtime.Threads);
        var device = DeviceSelection.Resolve(shared.Runtime.Device);

        manual_seed(settings.Seed);
        using var module = model.Create();
        Initialization.KaimingNormal(module);
        module.to(device);
        var request = settings.Request with
        {
            Seed = settings.Seed,
            SnipBatchSize = shared.Training.BatchSize,
        };
        double[] densities;
        using (var data = request.Policy.NeedsData ? ExperimentData.Load(shared.Data, device, NullLogger.Instance) : null)
        {
            data?.EnsureFits(model.Info, shared.Data.Dataset);
            // SNIP and GraSP rank on the training images, the validation share held out, exactly as sweeps train.
            densities = ComputeDensities(module, request, data?.Train);
        }
        var masks = RandomMasks.Apply(module, densities, settings.Seed, experiment.MaskSampling);
        var summary = SparsitySummary.Of(module.Info, masks);

        if (settings.Json) WriteJson(settings, model, masks, summary);
        else WriteTable(console, settings, model, masks, summary);
    }

    /// <summary>A budget that cannot be met is a configuration problem: reported with the keys that set it.</summary>
    private static double[] ComputeDensities(SparseModule module, RatioRequest request, IBatchSource? data)
    {
        try
        {
            return PolicyDensities.Compute(module, request, data);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            var where = request.Policy.IsExplicit ? "" : $" at Experiment:Densities:0={request.Density.ToString(CultureInfo.InvariantCulture)}";
            throw new OptionsException([$"Experiment:Policies:0 ({request.Policy.Name}){where}: {e.Message}"]);
        }
    }

    private static void WriteTable(IAnsiConsole console, RatiosSettings settings, ModelEntry model, MaskReport masks, SparsitySummary summary)
    {
        var experiment = settings.Shared.Experiment;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(model.Name)} · {Markup.Escape(settings.PolicyName)} at density {F(settings.Density)}[/]");
        table.AddColumns("layer", "shape", "parameters", "density", "kept");
        foreach (var column in table.Columns.Skip(2)) column.RightAligned();
        foreach (var layer in masks.Layers)
            table.AddRow(Markup.Escape(layer.Name), string.Join("×", layer.Shape), layer.Weights.ToString("N0", CultureInfo.InvariantCulture),
                layer.TargetDensity.ToString("0.0000", CultureInfo.InvariantCulture), layer.Kept.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("[bold]total[/]", "", masks.Weights.ToString("N0", CultureInfo.InvariantCulture),
            masks.GlobalDensity.ToString("0.0000", CultureInfo.InvariantCulture), masks.Kept.ToString("N0", CultureInfo.InvariantCulture));
        console.Write(table);
        console.WriteLine($"realised global density {masks.GlobalDensity.ToString("0.000000", CultureInfo.InvariantCulture)} " +
            $"({masks.Kept.ToString("N0", CultureInfo.InvariantCulture)} of {masks.Weights.ToString("N0", CultureInfo.InvariantCulture)} masked weights kept)");
        console.WriteLine($"masks: {experiment.MaskSampling}, seed {settings.Seed}; forward MACs per sample: " +
            $"{summary.ModelDenseMacs.ToString("N0", CultureInfo.InvariantCulture)} dense, {summary.SparseMacs.ToString("N0", CultureInfo.InvariantCulture)} sparse");
    }

    private static void WriteJson(RatiosSettings settings, ModelEntry model, MaskReport masks, SparsitySummary summary)
    {
        // One object per line: valid JSON for parsers, one layer per line for grep and diff.
        var lines = masks.Layers.Zip(summary.Layers).Select(pair => JsonObject(json =>
        {
            var (layer, cost) = pair;
            json.WriteString("name", layer.Name);
            json.WriteString("kind", cost.Kind.ToString());
            json.WriteStartArray("shape");
            foreach (var d in layer.Shape) json.WriteNumberValue(d);
            json.WriteEndArray();
            json.WriteNumber("parameters", layer.Weights);
            json.WriteNumber("density", layer.TargetDensity);
            json.WriteNumber("kept", layer.Kept);
            json.WriteNumber("realisedDensity", layer.Density);
            json.WriteNumber("macs", cost.DenseMacs);
            json.WriteNumber("sparseMacs", cost.SparseMacs);
        }));
        Console.Out.Write("[\n  " + string.Join(",\n  ", lines) + "\n]\n");
        Console.Out.Flush();

        var experiment = settings.Shared.Experiment;
        Console.Error.WriteLine(JsonObject(json =>
        {
            json.WriteString("model", model.Name);
            json.WriteString("policy", settings.PolicyName);
            json.WriteNumber("density", settings.Density);
            json.WriteNumber("globalDensity", masks.GlobalDensity);
            json.WriteNumber("kept", masks.Kept);
            json.WriteNumber("parameters", masks.Weights);
            json.WriteString("sampling", experiment.MaskSampling.ToString());
            json.WriteNumber("seed", settings.Seed);
            json.WriteNumber("macs", summary.ModelDenseMacs);
            json.WriteNumber("sparseMacs", summary.SparseMacs);
        }));
    }

    private static string JsonObject(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string F(double value) => value.ToString(CultureInfo.InvariantCulture);
}
