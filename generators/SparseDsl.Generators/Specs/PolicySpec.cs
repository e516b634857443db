using SparseDsl.Generators.Infrastructure;
using SparseDsl.Sparsity;

namespace SparseDsl.Generators.Specs;

/// <summary>A valid <c>[SparsityPolicy]</c> declaration.</summary>
/// <param name="Rules">KeepDense selectors, then [LayerDensity] rules in declaration order.</param>
/// <param name="Models">Names or aliases of the models the policy is for; empty for every model.</param>
internal sealed record PolicySpec(TypeTarget Type, string PolicyName, Allocation Allocation, double Density, double ClassifierDensity,
    EquatableArray<RuleSpec> Rules, EquatableArray<string> Models)
{
    /// <summary>True when the policy names <paramref name="model"/> (by name or alias, ignoring case) in Models.</summary>
    public bool Names(ModelSpec model) => Models.Any(model.Matches);

    /// <summary>True when the policy has a table for <paramref name="model"/>: it names it, or names no model.</summary>
    public bool AppliesTo(ModelSpec model) => Models.Count == 0 || Names(model);

    /// <summary>The rules as the shared <see cref="RuleAllocator"/> takes them.</summary>
    public IReadOnlyList<LayerRule> LayerRules() => Rules.Select(r => new LayerRule(r.Selector, r.Density, r.KeepDense)).ToArray();

    /// <summary>The policy's densities for <paramref name="model"/>, from the code the runtime runs (<see cref="RuleAllocator"/>).</summary>
    public RuleAllocationResult Allocate(ModelSpec model)
    {
        var prunable = model.Layers.Where(l => l.Prunable).ToArray();
        return RuleAllocator.Allocate(model.PrunableWeightShapes(), prunable.Select(l => l.Name).ToArray(), prunable.Select(l => l.Kind).ToArray(),
            Allocation, Density, ClassifierDensity, LayerRules());
    }
}

/// <summary>One layer rule of a declaration: <c>KeepDense</c> selector (density 1) or <c>[LayerDensity(selector, density)]</c>.</summary>
internal sealed record RuleSpec(string Selector, double Density, bool KeepDense);

/// <summary>
/// Outcome of reading one policy declaration. Locations stay here, out of the spec, so that moving a declaration does not
/// regenerate every model: <see cref="Location"/> (the attribute) and <see cref="DensityLocation"/> for budgets,
/// <see cref="RuleLocations"/> (one per rule of the spec) and <see cref="ModelLocations"/> (one per Models entry).
/// </summary>
internal sealed record PolicyResult(PolicySpec? Policy, LocationInfo? Location, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static PolicyResult Empty { get; } = new(null, null, EquatableArray<DiagnosticInfo>.Empty);

    public LocationInfo? DensityLocation { get; init; }

    public EquatableArray<LocationInfo> RuleLocations { get; init; } = EquatableArray<LocationInfo>.Empty;

    public EquatableArray<LocationInfo> ModelLocations { get; init; } = EquatableArray<LocationInfo>.Empty;
}
