using SparseDsl.Modeling;

namespace SparseDsl.Sparsity;

/// <summary>Per-layer densities of a model's masked layers for an allocation chosen at run time.</summary>
public static class LayerDensities
{
    /// <summary>
    /// Densities, in forward order, from the same <see cref="DensityAllocator"/> source the generator runs at compile
    /// time. Throws with the allocator's message when the budget cannot be met.
    /// </summary>
    public static double[] For(ModelInfo model, Allocation allocation, double density, double classifierDensity = 1.0) =>
        For(model, allocation, density, LayerRules.None, classifierDensity);

    /// <summary>
    /// Densities with per-layer exceptions: the layers <paramref name="rules"/> select keep their densities and
    /// <paramref name="allocation"/> (Uniform, ER or ERK) spreads the rest of the global budget over the other layers;
    /// <see cref="Allocation.Explicit"/> takes every layer from the rules; Dense ignores rules (nothing is pruned).
    /// This is <see cref="RuleAllocator.Allocate"/>, the code the generator runs for the tables of declared policies.
    /// </summary>
    /// <exception cref="ArgumentException">A rule selects no layer or conflicts with another, the budget cannot be met
    /// (e.g. the dense layers alone keep more than d·N weights), or an explicit allocation leaves layers without a
    /// density; the message says which and by how much.</exception>
    public static double[] For(ModelInfo model, Allocation allocation, double density, LayerRules rules, double classifierDensity = 1.0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rules);
        var result = RuleAllocator.Allocate(model.GetPrunableWeightShapes(), LayerRules.LayerNames(model), LayerRules.LayerKinds(model),
            allocation, density, classifierDensity, rules.Rules);
        if (result.Error is { } error) throw new ArgumentException($"{model.Name}: {error}");
        return [.. result.Densities];
    }

    /// <summary>
    /// The explicit policy: every masked layer's density comes from <paramref name="rules"/> (a density or kept dense);
    /// the global density is what they imply.
    /// </summary>
    /// <exception cref="ArgumentException">A layer has no rule (the message lists them), or a rule is invalid.</exception>
    public static double[] Explicit(ModelInfo model, LayerRules rules) => For(model, Allocation.Explicit, 1.0, rules);

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
