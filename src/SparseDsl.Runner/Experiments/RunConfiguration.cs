using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SparseDsl.Runner.Options;
using SparseDsl.Sparsity;
using SparseDsl.Training;

namespace SparseDsl.Runner.Experiments;

/// <summary>
/// The resolved configuration of one run, as canonical JSON. Its hash names the run folder
/// (as open_lth names runs by their hyper-parameters): the same settings always land in the same folder,
/// and any change to them in a new one.
/// </summary>
public sealed class RunConfiguration
{
    /// <param name="spec">The grid point.</param>
    /// <param name="training">Its training settings.</param>
    /// <param name="data">The data settings.</param>
    /// <param name="experiment">The experiment (mask sampling, and the rules of built-in ratios).</param>
    /// <param name="declared">The declared policy the run uses, whose rules replace the experiment's; null for a built-in ratio.</param>
    public RunConfiguration(RunSpec spec, TrainingSettings training, DataOptions data, ExperimentOptions experiment, SparsityPolicy? declared = null)
    {
        Spec = spec;
        Training = training;
        Json = Write(spec, training, data, experiment, declared);
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Json)))[..10];
    }

    public RunSpec Spec { get; }

    public TrainingSettings Training { get; }

    /// <summary>Canonical JSON (fixed key order, invariant numbers) of everything that determines the run's result.</summary>
    public string Json { get; }

    public string Hash { get; }

    /// <summary>Folder name, e.g. <c>lenet5_erk_d0.1_s17-3f9c0a12b4</c>.</summary>
    public string FolderName => $"{Spec.Slug}-{Hash}";

    private static string Write(RunSpec spec, TrainingSettings t, DataOptions data, ExperimentOptions experiment, SparsityPolicy? declared)
    {
        // What the run's densities come from: the experiment's rules, or a declared policy's own.
        var classifierDensity = declared?.ClassifierDensity ?? experiment.ClassifierDensity;
        var keepDense = declared?.Rules.KeepDense ?? experiment.KeepDense;
        var layerDensities = declared?.Rules.Densities ?? experiment.LayerDensities;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", spec.Model);
            w.WriteString("policy", spec.Policy);
            w.WriteNumber("density", spec.Density);
            w.WriteNumber("seed", spec.Seed);
            w.WriteString("maskSampling", experiment.MaskSampling.ToString());
            w.WriteNumber("classifierDensity", classifierDensity);
            w.WriteStartArray("keepDense");
            foreach (var selector in keepDense) w.WriteStringValue(selector);
            w.WriteEndArray();
            w.WriteStartObject("layerDensities");
            foreach (var (selector, density) in layerDensities.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteNumber(selector, density);
            w.WriteEndObject();
            w.WriteStartObject("training");
            w.WriteNumber("epochs", t.Epochs);
            w.WriteNumber("batchSize", t.BatchSize);
            w.WriteNumber("learningRate", t.LearningRate);
            w.WriteNumber("momentum", t.Momentum);
            w.WriteBoolean("nesterov", t.Nesterov);
            w.WriteNumber("weightDecay", t.WeightDecay);
            w.WriteStartArray("milestoneEpochs");
            foreach (var m in t.MilestoneEpochs()) w.WriteNumberValue(m);
            w.WriteEndArray();
            w.WriteNumber("gamma", t.Gamma);
            w.WriteNumber("labelSmoothing", t.LabelSmoothing);
            // Written only when on, so the folders of runs without warm-up keep their names.
            if (t.Warmup is { } warmup)
            {
                w.WriteNumber("warmupEpochs", warmup.Epochs);
                w.WriteNumber("warmupStartFactor", warmup.StartFactor);
            }
            // Likewise only when mixed: a bf16 run never lands in (or is skipped as) its float32 twin's folder.
            if (t.Precision != Precision.Fp32) w.WriteString("precision", t.Precision.ToString().ToLowerInvariant());
            w.WriteEndObject();
            w.WriteStartObject("data");
            w.WriteString("dataset", data.Dataset);
            w.WriteString("path", data.Path);
            w.WriteNumber("validationFraction", data.ValidationFraction);
            w.WriteNumber("trainLimit", data.TrainLimit);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
