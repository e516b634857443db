using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.Memory;

namespace SparseDsl.Runner.Options;

/// <summary>
/// Named bundles of settings (<c>--Preset=paper-cifar</c>): the paper's training recipes. A preset sits between
/// appsettings.json and the environment/command line, so every knob it sets can still be overridden.
/// </summary>
public static class Presets
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> All =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase)
        {
            // CIFAR recipe (paper, Appendix; official code): SGD, Nesterov 0.9, lr 0.1, wd 5e-4, batch 128,
            // 160 epochs, ×0.1 at 50% and 75%, 10% validation hold-out, best-validation weights tested.
            ["paper-cifar"] = new Dictionary<string, string>
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
                ["Data:ValidationFraction"] = "0.1",
                ["Experiment:Seeds"] = "17",
            },
        };

    /// <summary>Inserts the preset named by the <c>Preset</c> setting (if any) just below the environment and command line.</summary>
    public static void Apply(IConfigurationManager configuration)
    {
        var name = configuration["Preset"];
        if (string.IsNullOrWhiteSpace(name)) return;
        if (!All.TryGetValue(name, out var values))
            throw new OptionsException([$"Preset: unknown preset '{name}'; expected one of {string.Join(", ", All.Keys)}."]);
        var sources = configuration.Sources;
        var firstOverride = sources.ToList().FindIndex(s => s is CommandLineConfigurationSource or Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource);
        var preset = new MemoryConfigurationSource { InitialData = values.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)) };
        sources.Insert(firstOverride < 0 ? sources.Count : firstOverride, preset);
    }
}
