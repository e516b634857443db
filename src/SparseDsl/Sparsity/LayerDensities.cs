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
}
