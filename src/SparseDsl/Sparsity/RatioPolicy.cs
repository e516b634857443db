using System.Diagnostics.CodeAnalysis;
using SparseDsl.Sparsity.Criteria;

namespace SparseDsl.Sparsity;

/// <summary>
/// A layer-wise ratio chosen by name at run time: an <see cref="SparseDsl.Allocation"/> computed from weight shapes, a
/// <see cref="RatioCriterion"/> computed from the model (and data), or the explicit policy (every layer's density given).
/// </summary>
public sealed class RatioPolicy
{
    public const string ExplicitName = "explicit";

    private static readonly RatioPolicy[] Known =
    [
        new("dense", SparseDsl.Allocation.Dense, null),
        new("uniform", SparseDsl.Allocation.Uniform, null),
        new("uniform+", SparseDsl.Allocation.UniformPlus, null),
        new("er", SparseDsl.Allocation.Er, null),
        new("erk", SparseDsl.Allocation.Erk, null),
        new("erk+", SparseDsl.Allocation.ErkPlus, null),
        new("snip", null, RatioCriterion.Snip),
        new("grasp", null, RatioCriterion.Grasp),
        new("synflow", null, RatioCriterion.SynFlow),
        new(ExplicitName, SparseDsl.Allocation.Explicit, null),
    ];

    private RatioPolicy(string name, Allocation? allocation, RatioCriterion? criterion)
    {
        Name = name;
        Allocation = allocation;
        Criterion = criterion;
    }

    /// <summary>The name users type, e.g. <c>erk+</c> or <c>snip</c>.</summary>
    public string Name { get; }

    /// <summary>The shape-only allocation (<see cref="SparseDsl.Allocation.Explicit"/> for the explicit policy), or null for criteria.</summary>
    public Allocation? Allocation { get; }

    /// <summary>The criterion whose ratios are used, or null.</summary>
    public RatioCriterion? Criterion { get; }

    /// <summary>Every layer's density comes from <see cref="LayerRules"/>.</summary>
    public bool IsExplicit => Allocation == SparseDsl.Allocation.Explicit;

    /// <summary>SNIP and GraSP rank on training data; SynFlow and the allocations need none.</summary>
    public bool NeedsData => Criterion is RatioCriterion.Snip or RatioCriterion.Grasp;

    /// <summary>Every policy, in the order users see them listed.</summary>
    public static IReadOnlyList<RatioPolicy> All => Known;

    /// <summary>The policy called <paramref name="name"/> (ignoring case and surrounding spaces).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out RatioPolicy? policy)
    {
        policy = name is null ? null : Array.Find(Known, p => p.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
        return policy is not null;
    }

    /// <summary>The policy that computes <paramref name="allocation"/> (e.g. <c>erk</c> for <see cref="SparseDsl.Allocation.Erk"/>).</summary>
    public static RatioPolicy For(Allocation allocation) =>
        Array.Find(Known, p => p.Allocation == allocation) ?? throw new ArgumentOutOfRangeException(nameof(allocation), allocation, "Not an allocation.");

    public override string ToString() => Name;
}
