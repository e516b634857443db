using System.Globalization;
using Microsoft.Extensions.Configuration;
using SparseDsl.Runner.Options;
using SparseDsl.Sparsity;

namespace SparseDsl.Runner.Commands;

/// <summary>
/// What the <c>ratios</c> command reads. The shared keys are validated by <see cref="RunnerOptions.Load"/>, exactly as
/// for <c>train</c>; on top of them <c>ratios</c> reads keys <c>train</c> does not know yet:
/// <c>Experiment:Policies:0</c> may also be snip, grasp, synflow or explicit; <c>Experiment:KeepDense:i</c> (a layer
/// name, a kind such as Linear, <c>first</c> or <c>classifier</c>); <c>Experiment:LayerDensities:&lt;selector&gt;</c>
/// (a density); <c>Experiment:ClassifierDensity</c> (ERK+); <c>Output:Json</c> (true prints JSON).
/// </summary>
internal sealed class RatiosSettings
{
    private const string KeepDenseKey = "Experiment:KeepDense";
    private const string LayerDensitiesKey = "Experiment:LayerDensities";
    private const string ClassifierDensityKey = "Experiment:ClassifierDensity";
    private const string PoliciesKey = "Experiment:Policies";
    private const string JsonKey = "Output:Json";

    private RatiosSettings(RunnerOptions shared, RatioPolicy policy, LayerRules rules, double classifierDensity, bool json)
    {
        Shared = shared;
        Policy = policy;
        Rules = rules;
        ClassifierDensity = classifierDensity;
        Json = json;
    }

    /// <summary>Model, density, seed, sampling, data, batch size and device, validated as for <c>train</c>.</summary>
    public RunnerOptions Shared { get; }

    /// <summary>The policy inspected: <c>Experiment:Policies:0</c>.</summary>
    public RatioPolicy Policy { get; }

    public LayerRules Rules { get; }

    public double ClassifierDensity { get; }

    public bool Json { get; }

    /// <exception cref="OptionsException">Every problem, each with its key.</exception>
    public static RatiosSettings Load(IConfiguration configuration, Func<string, bool> isKnownModel)
    {
        var problems = new List<string>();
        RunnerOptions? shared = null;
        try
        {
            shared = RunnerOptions.Load(WithoutRatiosKeys(configuration), isKnownModel);
        }
        catch (OptionsException e)
        {
            problems.AddRange(e.Problems);
        }

        var policyName = configuration[$"{PoliciesKey}:0"];
        RatioPolicy? policy = null;
        if (string.IsNullOrWhiteSpace(policyName))
            problems.Add($"{PoliciesKey}:0: give the policy to inspect, one of {string.Join(", ", RatioPolicy.All)}.");
        else if (!RatioPolicy.TryParse(policyName, out policy))
            problems.Add($"{PoliciesKey}:0: unknown policy '{policyName}'; expected one of {string.Join(", ", RatioPolicy.All)}.");

        var keepDense = configuration.GetSection(KeepDenseKey).GetChildren().Select(c => c.Value ?? "").ToList();
        foreach (var (selector, i) in keepDense.Select((s, i) => (s, i)))
            if (string.IsNullOrWhiteSpace(selector)) problems.Add($"{KeepDenseKey}:{i}: give a layer name, a kind (Conv2d, Linear), first or classifier.");
        var densities = new Dictionary<string, double>();
        foreach (var child in configuration.GetSection(LayerDensitiesKey).GetChildren())
            if (ReadDensity($"{LayerDensitiesKey}:{child.Key}", child.Value, problems) is { } d) densities[child.Key] = d;
        var classifierDensity = configuration[ClassifierDensityKey] is { } text ? ReadDensity(ClassifierDensityKey, text, problems) ?? 1.0 : 1.0;

        var json = false;
        if (configuration[JsonKey] is { } jsonText && !bool.TryParse(jsonText, out json))
            problems.Add($"{JsonKey}: '{jsonText}' is not valid; expected true or false.");

        if (problems.Count > 0) throw new OptionsException(problems);
        return new RatiosSettings(shared!, policy!, new LayerRules(keepDense, densities), classifierDensity, json);
    }

    /// <summary>
    /// The configuration <see cref="RunnerOptions.Load"/> understands: the ratios-only keys removed, and the policy list
    /// left out (ratios validates its one policy itself, from a longer list of names).
    /// </summary>
    private static IConfiguration WithoutRatiosKeys(IConfiguration configuration)
    {
        string[] ratiosOnly = [KeepDenseKey, LayerDensitiesKey, ClassifierDensityKey, PoliciesKey];
        var kept = configuration.AsEnumerable().Where(kv => !ratiosOnly.Any(key =>
            kv.Key.Equals(key, StringComparison.OrdinalIgnoreCase) || kv.Key.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)));
        return new ConfigurationBuilder()
            .AddInMemoryCollection(kept)
            .AddInMemoryCollection([KeyValuePair.Create($"{PoliciesKey}:0", (string?)"dense")])
            .Build();
    }

    private static double? ReadDensity(string key, string? text, List<string> problems)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && DensityAllocator.IsDensity(value)) return value;
        problems.Add($"{key}: '{text}' is not a density; expected a number in (0, 1].");
        return null;
    }
}
