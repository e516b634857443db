using SparseDsl.Modeling;

namespace SparseDsl.Sparsity;

/// <summary>
/// What a layer-rule selector names among a model's masked layers: a layer by name (ordinal), else <c>first</c> (the
/// stem) or <c>classifier</c> (the last masked layer), else a kind (<c>Conv2d</c>, <c>Linear</c>), ignoring case.
/// Depends on nothing but the BCL, so the source generator compiles this file too: declared policies and run-time
/// rules select exactly the same layers.
/// </summary>
public static class LayerSelector
{
    public const string First = "first";
    public const string Classifier = "classifier";

    /// <summary>Indices of the masked layers <paramref name="selector"/> names, ascending; empty when it names none.</summary>
    /// <param name="layerNames">Names of the masked layers, forward order.</param>
    /// <param name="layerKinds">Their kinds, aligned with <paramref name="layerNames"/>.</param>
    /// <param name="selector">A layer name, <c>first</c>, <c>classifier</c> or a kind.</param>
    public static int[] Select(IReadOnlyList<string> layerNames, IReadOnlyList<LayerKind> layerKinds, string selector)
    {
        if (layerNames == null) throw new ArgumentNullException(nameof(layerNames));
        if (layerKinds == null) throw new ArgumentNullException(nameof(layerKinds));
        if (selector == null) throw new ArgumentNullException(nameof(selector));
        var selected = new List<int>();
        for (var i = 0; i < layerNames.Count; i++)
            if (layerNames[i] == selector) selected.Add(i);
        if (selected.Count > 0 || layerNames.Count == 0) return selected.ToArray();
        if (string.Equals(selector, First, StringComparison.OrdinalIgnoreCase)) return new[] { 0 };
        if (string.Equals(selector, Classifier, StringComparison.OrdinalIgnoreCase)) return new[] { layerNames.Count - 1 };
        if (Enum.TryParse<LayerKind>(selector, true, out var kind) && Enum.IsDefined(typeof(LayerKind), kind))
            for (var i = 0; i < layerKinds.Count; i++)
                if (layerKinds[i] == kind) selected.Add(i);
        return selected.ToArray();
    }

    /// <summary>What a selector may name in this model, for messages: "a layer (conv1, fc1), a kind (Conv2d, Linear), 'first' or 'classifier'".</summary>
    public static string Choices(IReadOnlyList<string> layerNames, IReadOnlyList<LayerKind> layerKinds)
    {
        var kinds = new List<string>();
        foreach (var kind in layerKinds)
            if (!kinds.Contains(kind.ToString())) kinds.Add(kind.ToString());
        return "a layer (" + string.Join(", ", layerNames) + "), a kind (" + string.Join(", ", kinds) + "), '" + First + "' or '" + Classifier + "'";
    }
}
