using SparseDsl.Modeling;

namespace SparseDsl.Sparsity;

/// <summary>One masked layer as pruned: kept weights and the forward multiply-accumulates per sample.</summary>
public sealed record LayerSparsity(string Name, LayerKind Kind, long[] Shape, long Weights, long Kept, long DenseMacs)
{
    /// <summary>Kept weights over the layer's weights (the realised density, not the target).</summary>
    public double Density => Weights == 0 ? 1 : (double)Kept / Weights;

    /// <summary>Dense MACs × density: the multiply-accumulates a sparse kernel would do per sample.</summary>
    public double SparseMacs => DenseMacs * Density;
}

/// <summary>
/// Per-layer density and sparse forward cost of a masked model, for result reporting. Sparse MACs count each masked
/// layer's dense MACs (from the compile-time <see cref="ModelInfo"/>) times its realised density; layers without masks
/// count in full.
/// </summary>
public sealed record SparsitySummary(IReadOnlyList<LayerSparsity> Layers, long ModelDenseMacs)
{
    public long Weights => Layers.Sum(l => l.Weights);

    public long Kept => Layers.Sum(l => l.Kept);

    /// <summary>Kept masked weights over all masked weights.</summary>
    public double GlobalDensity => Weights == 0 ? 1 : (double)Kept / Weights;

    /// <summary>Multiply-accumulates per sample of the sparse model: sparse masked layers plus every other layer in full.</summary>
    public double SparseMacs => ModelDenseMacs - Layers.Sum(l => l.DenseMacs) + Layers.Sum(l => l.SparseMacs);

    /// <summary>Reads the masks installed in <paramref name="model"/> (their non-zeros are the kept weights).</summary>
    public static SparsitySummary Of(SparseModule model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var kept = model.MaskedLayers.Select(l => (l.Name, Kept: l.Layer.weight_mask.count_nonzero())).ToList();
        return Build(model.Info, kept);
    }

    /// <summary>From what <see cref="RandomMasks.Apply"/> reported, without reading the masks back.</summary>
    public static SparsitySummary Of(ModelInfo info, MaskReport report)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(report);
        return Build(info, [.. report.Layers.Select(l => (l.Name, l.Kept))]);
    }

    private static SparsitySummary Build(ModelInfo info, IReadOnlyList<(string Name, long Kept)> kept)
    {
        var layers = info.PrunableLayers;
        if (kept.Count != layers.Count)
            throw new ArgumentException($"{kept.Count} masked layers given for the {layers.Count} of {info.Name}.");
        var result = new LayerSparsity[layers.Count];
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            if (kept[i].Name != layer.Name)
                throw new ArgumentException($"Masked layer {i} is '{kept[i].Name}' but {info.Name}'s layer table has '{layer.Name}' there.");
            result[i] = new LayerSparsity(layer.Name, layer.Kind, [.. layer.WeightShape], layer.WeightCount, kept[i].Kept, layer.MacsPerSample);
        }
        return new SparsitySummary(result, info.MacsPerSample);
    }
}
