using SparseDsl.Modeling;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Sparsity.Criteria;

/// <summary>Checks shared by the criteria: what they need before scoring and what they refuse to hand back.</summary>
internal static class CriterionGuards
{
    /// <summary>The criteria rank the dense network at initialisation, so every mask must still keep every weight.</summary>
    public static void RequireDenseMasks(SparseModule model, RatioCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.MaskedLayers.Count == 0)
            throw new ArgumentException($"{model.Info.Name} has no masked layers for {criterion} to rank.", nameof(model));
        foreach (var (name, layer) in model.MaskedLayers)
        {
            if (layer.weight_mask.count_nonzero() != layer.weight_mask.numel())
                throw new InvalidOperationException(
                    $"{criterion} ranks the dense model, but layer '{name}' of {model.Info.Name} is already masked; compute the ratios before RandomMasks.Apply.");
        }
    }

    public static void RequireDensity(double density)
    {
        if (!DensityAllocator.IsDensity(density))
            throw new ArgumentOutOfRangeException(nameof(density), density, "A density must be in (0, 1].");
    }

    /// <summary>
    /// A layer the global ranking prunes entirely cannot pass a signal (layer collapse); refusing is better than
    /// drawing an all-zero mask and training a network that cannot learn.
    /// </summary>
    public static double[] RefuseCollapse(SparseModule model, RatioCriterion criterion, double density, double[] densities)
    {
        var collapsed = model.MaskedLayers.Where((_, i) => densities[i] == 0).Select(l => l.Name).ToList();
        if (collapsed.Count > 0)
            throw new InvalidOperationException(
                $"The {criterion} ratio at density {density} prunes every weight of {string.Join(", ", collapsed)} in {model.Info.Name} (layer collapse); raise the density or use another policy.");
        return densities;
    }

    /// <summary>The masked weights, forward order, as the tensors autograd differentiates with respect to.</summary>
    public static List<Tensor> Weights(SparseModule model) => [.. model.MaskedLayers.Select(l => (Tensor)l.Layer.weight)];
}
