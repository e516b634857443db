using System.Globalization;
using SparseDsl.Modeling;

namespace SparseDsl.Sparsity;

/// <summary>
/// A named layer-wise density rule: an <see cref="Allocation"/> at a global density, with per-layer <see cref="Rules"/>
/// (layers kept dense or at given densities) and optionally restricted to some <see cref="Models"/>. Declared with
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

    /// <summary>Layers kept dense or at given densities (<c>KeepDense</c>, <c>[LayerDensity]</c>); with Explicit, every layer's density.</summary>
    public LayerRules Rules { get; init; } = LayerRules.None;

    /// <summary>Names or aliases of the models the policy is declared for; empty for every model.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>True when the policy is declared for <paramref name="model"/> (every model when <see cref="Models"/> is empty).</summary>
    public bool AppliesTo(ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Models.Count == 0 || Models.Any(model.Matches);
    }

    /// <summary>Densities for the given prunable weight shapes (forward order), or why they cannot be met; ignores <see cref="Rules"/>.</summary>
    public AllocationResult Allocate(IReadOnlyList<long[]> weightShapes) =>
        DensityAllocator.Allocate(Allocation, weightShapes, Density, ClassifierDensity);

    /// <summary>
    /// Densities of <paramref name="model"/>'s masked layers (forward order) with the policy's rules applied, by
    /// <see cref="RuleAllocator"/> as the generator computes the declared tables; or the problem.
    /// </summary>
    public RuleAllocationResult Allocate(ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RuleAllocator.Allocate(model.GetPrunableWeightShapes(), LayerRules.LayerNames(model), LayerRules.LayerKinds(model),
            Allocation, Density, ClassifierDensity, Rules.Rules);
    }

    public override string ToString() => Allocation switch
    {
        Allocation.ErkPlus => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Allocation}, density {Density}, classifier {ClassifierDensity})"),
        Allocation.Explicit => $"{Name} (Explicit)",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Name} ({Allocation}, density {Density})"),
    };
}
