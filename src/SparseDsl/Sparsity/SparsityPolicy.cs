using System.Globalization;

namespace SparseDsl.Sparsity;

/// <summary>
/// A named layer-wise density rule: an <see cref="Allocation"/> at a global density. Declared with
/// <c>[SparsityPolicy]</c> (the generator emits one per declaration) or built at run time for density sweeps.
/// </summary>
public sealed record SparsityPolicy
{
    public SparsityPolicy(string name, Allocation allocation, double density, double classifierDensity = 1.0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!DensityAllocator.IsDensity(density))
            throw new ArgumentOutOfRangeException(nameof(density), density, "A density must be in (0, 1].");
        if (!DensityAllocator.IsDensity(classifierDensity))
            throw new ArgumentOutOfRangeException(nameof(classifierDensity), classifierDensity, "A classifier density must be in (0, 1].");
        Name = name;
        Allocation = allocation;
        Density = density;
        ClassifierDensity = classifierDensity;
    }

    /// <summary>Name used by catalogs and reports, e.g. <c>Erk90</c>.</summary>
    public string Name { get; }

    public Allocation Allocation { get; }

    /// <summary>Global density: kept prunable weights / all prunable weights.</summary>
    public double Density { get; }

    /// <summary>Global sparsity, 1 − <see cref="Density"/>.</summary>
    public double Sparsity => 1 - Density;

    /// <summary>Classifier density for <see cref="Allocation.ErkPlus"/>; 1 (dense) by default.</summary>
    public double ClassifierDensity { get; }

    /// <summary>Densities for the given prunable weight shapes (forward order), or why they cannot be met.</summary>
    public AllocationResult Allocate(IReadOnlyList<long[]> weightShapes) =>
        DensityAllocator.Allocate(Allocation, weightShapes, Density, ClassifierDensity);

    public override string ToString() =>
        Allocation == Allocation.ErkPlus
            ? string.Create(CultureInfo.InvariantCulture, $"{Name} ({Allocation}, density {Density}, classifier {ClassifierDensity})")
            : string.Create(CultureInfo.InvariantCulture, $"{Name} ({Allocation}, density {Density})");
}
