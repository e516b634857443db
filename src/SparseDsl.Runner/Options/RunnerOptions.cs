using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace SparseDsl.Runner.Options;

/// <summary>
/// All runner options, bound from configuration (appsettings.json, SPARSEDSL_ environment variables, command line)
/// and validated at start-up. <see cref="Load"/> reports every problem at once — unknown keys, values of the
/// wrong type, values out of range — each with its key and what is allowed.
/// </summary>
public sealed class RunnerOptions
{
    public ExperimentOptions Experiment { get; } = new();
    public TrainingOptions Training { get; } = new();
    public DataOptions Data { get; } = new();
    public RuntimeOptions Runtime { get; } = new();
    public OutputOptions Output { get; } = new();
    public SweepOptions Sweep { get; } = new();
    public EvalOptions Eval { get; } = new();

    /// <summary>The policy names <c>Experiment:Policies</c> accepts (built-in and declared) and how each is computed.</summary>
    public PolicyNames Policies { get; private init; } = PolicyNames.Catalog;

    /// <param name="configuration">The merged configuration (appsettings.json, SPARSEDSL_ variables, command line).</param>
    /// <param name="isKnownModel">True for a model name or alias of the catalog.</param>
    /// <param name="policies">Accepted policy names; the built-in ones and the zoo's declared ones by default.</param>
    /// <param name="commandRules">Further rules of one command (eval: the checkpoint must exist), reported with the rest.</param>
    public static RunnerOptions Load(IConfiguration configuration, Func<string, bool> isKnownModel, PolicyNames? policies = null,
        Func<RunnerOptions, IEnumerable<string>>? commandRules = null)
    {
        var errors = new List<string>();
        var invalidKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        CheckSection<ExperimentOptions>(configuration, ExperimentOptions.Section, errors, invalidKeys);
        CheckSection<TrainingOptions>(configuration, TrainingOptions.Section, errors, invalidKeys);
        CheckSection<DataOptions>(configuration, DataOptions.Section, errors, invalidKeys);
        CheckSection<RuntimeOptions>(configuration, RuntimeOptions.Section, errors, invalidKeys);
        CheckSection<OutputOptions>(configuration, OutputOptions.Section, errors, invalidKeys);
        CheckSection<SweepOptions>(configuration, SweepOptions.Section, errors, invalidKeys);
        CheckSection<EvalOptions>(configuration, EvalOptions.Section, errors, invalidKeys);

        // Bind what is well-formed, so range rules still report on the rest in the same run.
        var bindable = new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.AsEnumerable()
                .Where(kv => !invalidKeys.Any(k => kv.Key.StartsWith(k, StringComparison.OrdinalIgnoreCase)))
                .Select(kv => KeyValuePair.Create(kv.Key, kv.Value)))
            .Build();
        var options = new RunnerOptions { Policies = policies ?? PolicyNames.Catalog };
        bindable.GetSection(ExperimentOptions.Section).Bind(options.Experiment);
        bindable.GetSection(TrainingOptions.Section).Bind(options.Training);
        bindable.GetSection(DataOptions.Section).Bind(options.Data);
        bindable.GetSection(RuntimeOptions.Section).Bind(options.Runtime);
        bindable.GetSection(OutputOptions.Section).Bind(options.Output);
        bindable.GetSection(SweepOptions.Section).Bind(options.Sweep);
        bindable.GetSection(EvalOptions.Section).Bind(options.Eval);
        options.Experiment.Models = CommaList(bindable, "Experiment:Models", options.Experiment.Models, s => s);
        options.Experiment.Policies = CommaList(bindable, "Experiment:Policies", options.Experiment.Policies, s => s);
        options.Experiment.Densities = CommaList(bindable, "Experiment:Densities", options.Experiment.Densities, ParseDouble);
        options.Experiment.Seeds = CommaList(bindable, "Experiment:Seeds", options.Experiment.Seeds, ParseLong);
        options.Experiment.KeepDense = CommaList(bindable, "Experiment:KeepDense", options.Experiment.KeepDense, s => s);
        options.Training.MilestoneFractions = CommaList(bindable, "Training:MilestoneFractions", options.Training.MilestoneFractions, ParseDouble);
        options.Eval.OoD = CommaList(bindable, "Eval:OoD", options.Eval.OoD, s => s);
        options.Eval.Attacks = CommaList(bindable, "Eval:Attacks", options.Eval.Attacks, s => s);
        errors.AddRange(OptionsRules.Check(options, isKnownModel, options.Policies));
        if (commandRules is not null) errors.AddRange(commandRules(options));
        if (errors.Count > 0) throw new OptionsException(errors);
        return options;
    }

    /// <summary>A list given as one comma-separated value replaces the bound one (the binder only reads indexed keys).</summary>
    private static List<T> CommaList<T>(IConfiguration configuration, string key, List<T> bound, Func<string, T> parse)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? bound : [.. SplitList(value).Select(parse)];
    }

    private static IEnumerable<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double ParseDouble(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static long ParseLong(string s) => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Every key of the section must name a property, and every value must convert to its type.</summary>
    private static void CheckSection<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        IConfiguration configuration, string section, List<string> errors, HashSet<string> invalidKeys)
    {
        var properties = typeof(T).GetProperties().ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in configuration.GetSection(section).GetChildren())
        {
            var key = $"{section}:{child.Key}";
            if (!properties.TryGetValue(child.Key, out var property))
            {
                errors.Add($"{key}: unknown setting. Known settings of {section}: {string.Join(", ", properties.Keys)}.");
                invalidKeys.Add(key);
                continue;
            }
            var type = property.PropertyType;
            var valid = true;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                var element = type.GetGenericArguments()[0];
                foreach (var item in child.GetChildren())
                    valid &= CheckValue($"{key}:{item.Key}", item.Value, element, errors);
                if (!string.IsNullOrWhiteSpace(child.Value))
                    foreach (var (item, i) in SplitList(child.Value).Select((v, i) => (v, i)))
                        valid &= CheckValue($"{key}:{i}", item, element, errors);
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                var element = type.GetGenericArguments()[1];
                foreach (var item in child.GetChildren())
                    valid &= CheckValue($"{key}:{item.Key}", item.Value, element, errors);
            }
            else
            {
                valid = CheckValue(key, child.Value, type, errors);
            }
            if (!valid) invalidKeys.Add(key);
        }
    }

    /// <summary>False (and a problem added) when <paramref name="value"/> does not convert to <paramref name="type"/>.</summary>
    private static bool CheckValue(string key, string? value, Type type, List<string> errors)
    {
        if (value is null) return true;
        var ok = type == typeof(string)
            || (type == typeof(int) && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            || (type == typeof(long) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            || (type == typeof(double) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            || (type == typeof(bool) && bool.TryParse(value, out _))
            || (type.IsEnum && Enum.GetNames(type).Any(n => n.Equals(value, StringComparison.OrdinalIgnoreCase)));
        if (ok) return true;
        var allowed = type.IsEnum ? "one of " + string.Join(", ", Enum.GetNames(type))
            : type == typeof(bool) ? "true or false"
            : type == typeof(double) ? "a number (e.g. 0.1)"
            : "an integer";
        errors.Add($"{key}: '{value}' is not valid; expected {allowed}.");
        return false;
    }
}

/// <summary>Invalid configuration: every problem found, one per line.</summary>
public sealed class OptionsException(IReadOnlyList<string> problems)
    : Exception("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
