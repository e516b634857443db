using SparseDsl.Modeling;

namespace SparseDsl.Sparsity;

/// <summary>Per-layer densities of a model's masked layers for an allocation chosen at run time.</summary>
public static class LayerDensities
{
    /// <summary>
    /// Densities, in forward order, from the same <see cref="DensityAllocator"/> source the generator runs at compile
    /// time. Throws with the allocator's message when the budget cannot be met.
    /// </summary>
    public static double[] For(ModelInfo model, Allocation allocation, double density, double classifierDensity = 1.0)
    {
        var shapes = model.GetPrunableWeightShapes();
        if (allocation == Allocation.Dense) return [.. shapes.Select(_ => 1.0)];
        var result = DensityAllocator.Allocate(allocation, shapes, density, classifierDensity);
        if (result.Error is { } error) throw new ArgumentException($"{model.Name}: {error}");
        return [.. result.Densities];
    }

    /// <summary>
    /// Densities with per-layer exceptions: the layers <paramref name="rules"/> select keep their densities and
    /// <paramref name="allocation"/> (Uniform, ER or ERK) spreads the rest of the global budget over the other layers.
    /// Without rules this is <see cref="For(ModelInfo, Allocation, double, double)"/>; Dense ignores rules (nothing is pruned).
    /// </summary>
    /// <exception cref="ArgumentException">A rule selects no layer or conflicts with another, or the budget cannot be met
    /// (e.g. the dense layers alone keep more than d·N weights); the message says which and by how much.</exception>
    public static double[] For(ModelInfo model, Allocation allocation, double density, LayerRules rules, double classifierDensity = 1.0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.IsEmpty || allocation == Allocation.Dense) return For(model, allocation, density, classifierDensity);
        var result = DensityAllocator.AllocateWithFixed(allocation, model.GetPrunableWeightShapes(), density, rules.Resolve(model));
        if (result.Error is { } error) throw new ArgumentException($"{model.Name}: {error}");
        return [.. result.Densities];
    }

    /// <summary>
    /// The explicit policy: every masked layer's density comes from <paramref name="rules"/> (a density or kept dense);
    /// the global density is what they imply.
    /// </summary>
    /// <exception cref="ArgumentException">A layer has no rule (the message lists them), or a rule is invalid.</exception>
    public static double[] Explicit(ModelInfo model, LayerRules rules)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);
        var given = rules.Resolve(model);
        var missing = model.PrunableLayers.Where((_, i) => given[i] is null).Select(l => l.Name).ToList();
        if (missing.Count > 0)
            throw new ArgumentException(
                $"{model.Name}: the explicit policy needs a density for every masked layer; none given for {string.Join(", ", missing)}.");
        var result = DensityAllocator.AllocateExplicit(model.GetPrunableWeightShapes(), given);
        if (result.Error is { } error) throw new ArgumentException($"{model.Name}: {error}");
        return [.. result.Densities];
    }

    /// <summary>Kept weights over all masked weights if every layer kept exactly density·n (the budget a table implies).</summary>
    public static double Global(ModelInfo model, IReadOnlyList<double> densities)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(densities);
        var layers = model.PrunableLayers;
        if (densities.Count != layers.Count)
            throw new ArgumentException($"{densities.Count} densities given for {layers.Count} masked layers of {model.Name}.", nameof(densities));
        var kept = 0.0;
        for (var i = 0; i < layers.Count; i++) kept += densities[i] * layers[i].WeightCount;
        return model.PrunableWeightCount == 0 ? 1 : kept / model.PrunableWeightCount;
    }
}
