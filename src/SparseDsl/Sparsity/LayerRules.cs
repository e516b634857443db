using SparseDsl.Modeling;

namespace SparseDsl.Sparsity;

/// <summary>
/// Per-layer exceptions to a layer-wise allocation: layers kept dense and layers at given densities. A selector names
/// masked layers by layer name (<c>conv1</c>, ordinal), by kind (<c>Conv2d</c>, <c>Linear</c>, ignoring case), or by
/// position: <c>first</c> (the stem) and <c>classifier</c> (the last masked layer). Selected layers keep their density
/// and the allocation spreads the rest of the budget over the others
/// (<see cref="DensityAllocator.AllocateWithFixed"/>); with the explicit policy every layer must be selected
/// (<see cref="DensityAllocator.AllocateExplicit"/>).
/// </summary>
public sealed class LayerRules
{
    public const string FirstSelector = LayerSelector.First;
    public const string ClassifierSelector = LayerSelector.Classifier;

    /// <summary>No exceptions: the allocation decides every layer.</summary>
    public static LayerRules None { get; } = new();

    public LayerRules(IEnumerable<string>? keepDense = null, IReadOnlyDictionary<string, double>? densities = null)
    {
        KeepDense = [.. (keepDense ?? []).Select(s => s.Trim())];
        Densities = new Dictionary<string, double>(densities ?? new Dictionary<string, double>());
    }

    /// <summary>Selectors of the layers kept dense (density 1).</summary>
    public IReadOnlyList<string> KeepDense { get; }

    /// <summary>Selector → density in (0, 1] of the layers it selects.</summary>
    public IReadOnlyDictionary<string, double> Densities { get; }

    public bool IsEmpty => KeepDense.Count == 0 && Densities.Count == 0;

    /// <summary>The rules in the order they apply: the keep-dense selectors, then the density rules.</summary>
    public IReadOnlyList<LayerRule> Rules =>
        [.. KeepDense.Select(LayerRule.Dense), .. Densities.Select(kv => LayerRule.At(kv.Key, kv.Value))];

    /// <summary>
    /// The density each rule fixes for <paramref name="model"/>'s masked layers, forward order; null where no rule applies.
    /// The resolution is <see cref="RuleAllocator.Resolve"/>, the code the generator runs for declared policies.
    /// </summary>
    /// <exception cref="ArgumentException">A selector matches no masked layer, a density is outside (0, 1], or two rules
    /// give one layer different densities; the message names the selector and the layers there are.</exception>
    public double?[] Resolve(ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = RuleAllocator.Resolve(LayerNames(model), LayerKinds(model), Rules, out var fixedDensities);
        if (result.Error is { } error) throw new ArgumentException($"{model.Name}: {error}");
        return fixedDensities;
    }

    /// <summary>Indices of the masked layers <paramref name="selector"/> names; empty when it names none (<see cref="LayerSelector"/>).</summary>
    public static IReadOnlyList<int> Select(ModelInfo model, string selector)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(selector);
        return LayerSelector.Select(LayerNames(model), LayerKinds(model), selector);
    }

    internal static string[] LayerNames(ModelInfo model) => [.. model.PrunableLayers.Select(l => l.Name)];

    internal static LayerKind[] LayerKinds(ModelInfo model) => [.. model.PrunableLayers.Select(l => l.Kind)];
}
