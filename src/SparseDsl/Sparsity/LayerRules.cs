using System.Globalization;
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
    public const string FirstSelector = "first";
    public const string ClassifierSelector = "classifier";

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

    /// <summary>
    /// The density each rule fixes for <paramref name="model"/>'s masked layers, forward order; null where no rule applies.
    /// </summary>
    /// <exception cref="ArgumentException">A selector matches no masked layer, a density is outside (0, 1], or two rules
    /// give one layer different densities; the message names the selector and the layers there are.</exception>
    public double?[] Resolve(ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var layers = model.PrunableLayers;
        var fixedDensities = new double?[layers.Count];
        var origin = new string?[layers.Count];
        foreach (var selector in KeepDense) Fix(model, selector, 1.0, $"KeepDense '{selector}'", fixedDensities, origin);
        foreach (var (selector, density) in Densities)
        {
            if (!DensityAllocator.IsDensity(density))
                throw new ArgumentException($"{model.Name}: the density {Format(density)} given to '{selector}' is outside (0, 1].");
            Fix(model, selector, density, $"density {Format(density)} for '{selector}'", fixedDensities, origin);
        }
        return fixedDensities;
    }

    /// <summary>Indices of the masked layers <paramref name="selector"/> names; empty when it names none.</summary>
    public static IReadOnlyList<int> Select(ModelInfo model, string selector)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(selector);
        var layers = model.PrunableLayers;
        var selected = new List<int>();
        for (var i = 0; i < layers.Count; i++)
            if (layers[i].Name == selector) selected.Add(i);
        if (selected.Count > 0 || layers.Count == 0) return selected;
        if (selector.Equals(FirstSelector, StringComparison.OrdinalIgnoreCase)) return [0];
        if (selector.Equals(ClassifierSelector, StringComparison.OrdinalIgnoreCase)) return [layers.Count - 1];
        if (Enum.TryParse<LayerKind>(selector, ignoreCase: true, out var kind) && Enum.IsDefined(kind))
            for (var i = 0; i < layers.Count; i++)
                if (layers[i].Kind == kind) selected.Add(i);
        return selected;
    }

    private static void Fix(ModelInfo model, string selector, double density, string rule, double?[] fixedDensities, string?[] origin)
    {
        var selected = Select(model, selector);
        if (selected.Count == 0)
            throw new ArgumentException(
                $"{model.Name}: '{selector}' selects no masked layer. Name a layer ({string.Join(", ", model.PrunableLayers.Select(l => l.Name))}), " +
                $"a kind ({string.Join(", ", model.PrunableLayers.Select(l => l.Kind).Distinct())}), '{FirstSelector}' or '{ClassifierSelector}'.");
        foreach (var i in selected)
        {
            if (fixedDensities[i] is { } previous && previous != density)
                throw new ArgumentException(
                    $"{model.Name}: layer '{model.PrunableLayers[i].Name}' gets two densities, {Format(previous)} from {origin[i]} and {Format(density)} from {rule}.");
            fixedDensities[i] = density;
            origin[i] = rule;
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
