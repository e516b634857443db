using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace SparseDsl.Runner.Options;

/// <summary>
/// A named bundle of settings. With <see cref="ReferenceBatchSize"/>, the learning rate follows the linear scaling
/// rule: lr = <see cref="ReferenceLearningRate"/> × batch / <see cref="ReferenceBatchSize"/>, for the batch size in
/// effect (the preset's, or an override's), unless the learning rate itself is overridden.
/// </summary>
public sealed record Preset(IReadOnlyDictionary<string, string> Values)
{
    public double ReferenceLearningRate { get; init; }

    public int ReferenceBatchSize { get; init; }

    /// <summary>The batch ratio first, so the reference batch gives the reference rate exactly.</summary>
    public double ScaledLearningRate(int batchSize) => ReferenceLearningRate * ((double)batchSize / ReferenceBatchSize);
}

/// <summary>
/// Named bundles of settings (<c>--Preset=paper-cifar</c>): the paper's training recipes. A preset sits between
/// appsettings.json and the environment/command line, so every knob it sets can still be overridden.
/// </summary>
public static class Presets
{
    public static readonly IReadOnlyDictionary<string, Preset> All =
        new Dictionary<string, Preset>(StringComparer.OrdinalIgnoreCase)
        {
            // CIFAR recipe (paper, Appendix; official code): SGD, Nesterov 0.9, lr 0.1, wd 5e-4, batch 128,
            // 160 epochs, ×0.1 at 50% and 75%, 10% validation hold-out, best-validation weights tested.
            ["paper-cifar"] = new(new Dictionary<string, string>
            {
                ["Training:Epochs"] = "160",
                ["Training:BatchSize"] = "128",
                ["Training:LearningRate"] = "0.1",
                ["Training:Momentum"] = "0.9",
                ["Training:Nesterov"] = "true",
                ["Training:WeightDecay"] = "0.0005",
                ["Training:MilestoneFractions"] = "0.5,0.75",
                ["Training:Gamma"] = "0.1",
                ["Training:LabelSmoothing"] = "0",
                ["Training:WarmupEpochs"] = "0",
                ["Data:ValidationFraction"] = "0.1",
                ["Experiment:Seeds"] = "17",
            }),
            // ImageNet recipe (paper, Appendix): batch 192 × 4 GPUs = 768 at lr 0.4, scaled linearly with the batch;
            // SGD, Nesterov 0.9, wd 1e-4, label smoothing 0.1, 5 linear warm-up epochs (the paper gives no start
            // factor: 0.1), 100 epochs with ×0.1 after epochs 30, 60 and 90; ImageFolder data (train/, val/), the
            // final weights tested on val/ (no hold-out).
            ["paper-imagenet"] = new(new Dictionary<string, string>
            {
                ["Training:Epochs"] = "100",
                ["Training:BatchSize"] = "768",
                ["Training:Momentum"] = "0.9",
                ["Training:Nesterov"] = "true",
                ["Training:WeightDecay"] = "0.0001",
                ["Training:MilestoneFractions"] = "0.3,0.6,0.9",
                ["Training:Gamma"] = "0.1",
                ["Training:LabelSmoothing"] = "0.1",
                ["Training:WarmupEpochs"] = "5",
                ["Training:WarmupStartFactor"] = "0.1",
                ["Data:Dataset"] = "imagefolder",
                ["Data:ValidationFraction"] = "0",
                ["Experiment:Seeds"] = "17",
            })
            {
                ReferenceLearningRate = 0.4,
                ReferenceBatchSize = 768,
            },
        };

    /// <summary>Inserts the preset named by the <c>Preset</c> setting (if any) just below the environment and command line.</summary>
    public static void Apply(IConfigurationManager configuration)
    {
        var name = configuration["Preset"];
        if (string.IsNullOrWhiteSpace(name)) return;
        if (!All.TryGetValue(name, out var preset))
            throw new OptionsException([$"Preset: unknown preset '{name}'; expected one of {string.Join(", ", All.Keys)}."]);
        var sources = configuration.Sources;
        var firstOverride = sources.ToList().FindIndex(s => s is CommandLineConfigurationSource or EnvironmentVariablesConfigurationSource);
        var index = firstOverride < 0 ? sources.Count : firstOverride;
        sources.Insert(index, Memory(preset.Values));
        // Now Training:BatchSize is the preset's unless overridden; the scaled rate sits at the preset's level too,
        // so an explicit Training:LearningRate still wins. A malformed batch size is left to options validation.
        if (preset.ReferenceBatchSize > 0
            && int.TryParse(configuration["Training:BatchSize"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var batch) && batch > 0)
            sources.Insert(index + 1, Memory(new Dictionary<string, string>
            {
                ["Training:LearningRate"] = preset.ScaledLearningRate(batch).ToString("R", CultureInfo.InvariantCulture),
            }));
    }

    private static MemoryConfigurationSource Memory(IReadOnlyDictionary<string, string> values) =>
        new() { InitialData = values.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)) };
}
