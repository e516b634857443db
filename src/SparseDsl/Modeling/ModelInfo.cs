using System.Collections.ObjectModel;

namespace SparseDsl.Modeling;

/// <summary>Compile-time description of a declared model: its name, aliases, input shape and layers in forward order.</summary>
public sealed class ModelInfo
{
    private readonly LayerInfo[] layers;
    private readonly LayerInfo[] prunableLayers;

    public ModelInfo(string name, string[] aliases, long[] inputShape, LayerInfo[] layers)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentNullException.ThrowIfNull(layers);
        Name = name;
        Aliases = Array.AsReadOnly((string[])aliases.Clone());
        InputShape = Array.AsReadOnly((long[])inputShape.Clone());
        this.layers = (LayerInfo[])layers.Clone();
        prunableLayers = Array.FindAll(this.layers, l => l.Prunable);
        Layers = Array.AsReadOnly(this.layers);
        PrunableLayers = Array.AsReadOnly(prunableLayers);
        OutputShape = this.layers.Length == 0 ? InputShape : this.layers[^1].OutputShape;
        foreach (var layer in this.layers)
        {
            ParameterCount += layer.ParameterCount;
            MacsPerSample += layer.MacsPerSample;
            if (layer.Prunable) PrunableWeightCount += layer.WeightCount;
        }
    }

    /// <summary>The declaring type's name, e.g. <c>LeNet5</c>.</summary>
    public string Name { get; }

    /// <summary>Other catalog names (from <c>[SparseModel(Name = ...)]</c>).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Per-sample input shape: <c>[C, H, W]</c> or <c>[features]</c>.</summary>
    public IReadOnlyList<long> InputShape { get; }

    /// <summary>Per-sample output shape of the last layer.</summary>
    public IReadOnlyList<long> OutputShape { get; }

    /// <summary>Every layer in forward order.</summary>
    public IReadOnlyList<LayerInfo> Layers { get; }

    /// <summary>The masked layers (Conv2d and Linear) in forward order: the first is the stem, the last the classifier.</summary>
    public IReadOnlyList<LayerInfo> PrunableLayers { get; }

    /// <summary>All trainable parameters.</summary>
    public long ParameterCount { get; }

    /// <summary>Dense multiply-accumulates per sample.</summary>
    public long MacsPerSample { get; }

    /// <summary>N: the number of masked weights.</summary>
    public long PrunableWeightCount { get; }

    /// <summary>The masked weights' shapes in forward order, fresh arrays, as <c>DensityAllocator.Allocate</c> takes them.</summary>
    public IReadOnlyList<long[]> GetPrunableWeightShapes()
    {
        var shapes = new long[prunableLayers.Length][];
        for (var i = 0; i < shapes.Length; i++) shapes[i] = [.. prunableLayers[i].WeightShape];
        return shapes;
    }

    /// <summary>The layer called <paramref name="name"/> (ordinal), or null.</summary>
    public LayerInfo? FindLayer(string name) => Array.Find(layers, l => l.Name == name);

    /// <summary>True when <paramref name="nameOrAlias"/> is the model's name or one of its aliases, ignoring case.</summary>
    public bool Matches(string nameOrAlias)
    {
        if (string.Equals(Name, nameOrAlias, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var alias in Aliases)
            if (string.Equals(alias, nameOrAlias, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public override string ToString() => $"{Name} [{string.Join(", ", InputShape)}] ({layers.Length} layers, {ParameterCount} parameters)";
}
