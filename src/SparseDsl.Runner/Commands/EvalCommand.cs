using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SparseDsl.Checkpoints;
using SparseDsl.Data;
using SparseDsl.Evaluation;
using SparseDsl.Generated;
using SparseDsl.Runner.Experiments;
using SparseDsl.Runner.Options;

namespace SparseDsl.Runner.Commands;

/// <summary>
/// <c>eval</c>: loads a checkpoint (best.safetensors or latest.safetensors of a run folder), rebuilds its model from the
/// identity and configuration stored in it, and measures on the test split of its dataset every metric: top-1/top-5,
/// NLL, ECE with a reliability diagram, MSP OoD detection (Eval:OoD, default gaussian, uniform, vflip) and accuracy under
/// FGSM and PGD (Eval:Attacks, Eval:Epsilon), with the model's costs. Writes eval.json and eval-reliability.svg.
/// </summary>
internal sealed class EvalCommand(RunnerOptions options, ILogger logger)
{
    public const string JsonName = "eval.json";
    public const string SvgName = "eval-reliability.svg";

    /// <summary>The command's start-up rules, reported with the other configuration problems.</summary>
    public static IEnumerable<string> Rules(RunnerOptions options)
    {
        var path = options.Eval.Checkpoint;
        if (string.IsNullOrWhiteSpace(path))
            yield return "Eval:Checkpoint: give the checkpoint to evaluate, e.g. --Eval:Checkpoint=runs/<run folder>/best.safetensors.";
        else if (Directory.Exists(path))
            yield return $"Eval:Checkpoint: '{path}' is a folder; name the file in it (best.safetensors or latest.safetensors).";
        else if (!File.Exists(path))
            yield return $"Eval:Checkpoint: '{path}' does not exist; give the path of a run's best.safetensors or latest.safetensors.";
    }

    public EvalResult Run(CancellationToken cancellation)
    {
        var eval = options.Eval;
        var checkpoint = TrainingCheckpoint.Load(eval.Checkpoint);
        var stored = StoredRun.Read(checkpoint);
        var entry = ModelCatalog.Find(checkpoint.Identity.Model)
            ?? throw new CheckpointMismatchException(checkpoint.Path, $"model '{checkpoint.Identity.Model}' is not in this build's catalog (run the models command).");
        var device = DeviceSelection.Resolve(options.Runtime.Device);
        if (options.Runtime.LayoutProblem(device.type) is { } layout) throw new InvalidOperationException($"{layout} (Runtime:Device resolved to {device}.)");
        var dataPath = string.IsNullOrWhiteSpace(eval.DataPath) ? stored.DataPath : eval.DataPath;

        using var module = entry.Create();
        checkpoint.RestoreModel(module, checkpoint.Identity);
        module.to(device).to(options.Runtime.Layout);
        var test = EvalData.LoadTest(stored.Dataset, dataPath, device, eval.Limit);
        using var testMemory = test as IDisposable;  // in-memory sets hold device memory; image folders hold none
        if (test is DeviceBatches batches
            && !entry.Info.InputShape.SequenceEqual([batches.Dataset.Channels, batches.Dataset.Height, batches.Dataset.Width]))
            throw new CheckpointMismatchException(checkpoint.Path, $"{entry.Name} takes [{string.Join(", ", entry.Info.InputShape)}] inputs but " +
                $"{stored.Dataset} images are [{batches.Dataset.Channels}, {batches.Dataset.Height}, {batches.Dataset.Width}].");
        logger.LogInformation("Evaluating {Model} / {Policy} (epoch {Epoch}) on {Count:N0} {Dataset} test images from {Path} on {Device}",
            checkpoint.Identity.Model, checkpoint.Identity.Policy, checkpoint.Epoch, test.Count, stored.Dataset, dataPath, device);

        var oodSets = eval.OodSets(EvalOptions.SyntheticOoD);
        var attacks = eval.AttackSet(EvalOptions.AttackNames);
        var (metrics, calibration) = ModelEvaluation.Run(module, test, stored.Dataset, eval, oodSets, attacks, logger, cancellation);
        var costs = RunOutcome.CostsOf(module);

        var folder = string.IsNullOrWhiteSpace(eval.Output) ? Path.GetDirectoryName(Path.GetFullPath(checkpoint.Path))! : eval.Output;
        Directory.CreateDirectory(folder);
        var result = new EvalResult(checkpoint.Path, checkpoint.Identity, checkpoint.Epoch, stored.Dataset, dataPath, metrics, costs.Layers,
            costs.DenseMacs, costs.SparseMacs, costs.TotalParameters, costs.KeptParameters, Path.Combine(folder, JsonName), Path.Combine(folder, SvgName));
        var title = $"{checkpoint.Identity.Model} · {checkpoint.Identity.Policy} · {stored.Dataset} test";
        AtomicFile.Write(result.SvgPath, s => s.Write(Encoding.UTF8.GetBytes(ReliabilityDiagram.Svg(calibration, title))));
        AtomicFile.Write(result.JsonPath, s => s.Write(Encoding.UTF8.GetBytes(EvalJson.Write(result))));
        logger.LogInformation("Wrote {Json} and {Svg}", result.JsonPath, result.SvgPath);
        return result;
    }

    /// <summary>What the runner stored in the checkpoint's configuration: the dataset and where it was.</summary>
    private sealed record StoredRun(string Dataset, string DataPath)
    {
        public static StoredRun Read(TrainingCheckpoint checkpoint)
        {
            try
            {
                using var document = JsonDocument.Parse(checkpoint.Configuration);
                var data = document.RootElement.GetProperty("data");
                return new StoredRun(data.GetProperty("dataset").GetString()!, data.GetProperty("path").GetString()!);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new CheckpointFormatException(checkpoint.Path,
                    $"its configuration does not name the dataset (data.dataset, data.path): it was not written by the runner ({e.Message})", e);
            }
        }
    }
}

/// <summary>Everything eval measured, and where it was written.</summary>
internal sealed record EvalResult(string Checkpoint, CheckpointIdentity Identity, int Epoch, string Dataset, string DataPath, MetricsOutcome Metrics,
    IReadOnlyList<LayerOutcome> Layers, long DenseMacs, long SparseMacs, long TotalParameters, long KeptParameters, string JsonPath, string SvgPath);

/// <summary>eval.json: identity, metrics and costs (per layer and in total).</summary>
internal static class EvalJson
{
    public static string Write(EvalResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("checkpoint", Path.GetFullPath(r.Checkpoint));
            w.WriteString("model", r.Identity.Model);
            w.WriteString("policy", r.Identity.Policy);
            w.WriteNumber("epoch", r.Epoch);
            w.WriteString("dataset", r.Dataset);
            w.WriteString("dataPath", r.DataPath);
            MetricsJson.Write(w, "metrics", r.Metrics);
            w.WriteStartObject("costs");
            w.WriteNumber("totalParameters", r.TotalParameters);
            w.WriteNumber("keptParameters", r.KeptParameters);
            w.WriteNumber("maskedWeights", r.Layers.Sum(l => l.Weights));
            w.WriteNumber("keptWeights", r.Layers.Sum(l => l.Kept));
            w.WriteNumber("denseMacs", r.DenseMacs);
            w.WriteNumber("sparseMacs", r.SparseMacs);
            w.WriteStartArray("layers");
            foreach (var l in r.Layers) ResultJson.WriteLayer(w, l);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
