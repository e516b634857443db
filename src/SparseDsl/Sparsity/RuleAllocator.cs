using System.Globalization;
using SparseDsl.Modeling;

namespace SparseDsl.Sparsity;

/// <summary>Why <see cref="RuleAllocator"/> could not give a model's densities.</summary>
public enum RuleProblem
{
    None,

    /// <summary>A rule's selector names no masked layer of the model.</summary>
    SelectsNothing,

    /// <summary>A rule's density is outside (0, 1].</summary>
    DensityOutOfRange,

    /// <summary>Two rules give one layer different densities.</summary>
    Conflict,

    /// <summary>An explicit allocation leaves layers without a density.</summary>
    Unassigned,

    /// <summary>The allocation cannot meet its budget (e.g. the fixed layers alone keep more than d·N weights).</summary>
    Budget,
}

/// <summary>Outcome of <see cref="RuleAllocator"/>: densities in forward order, or the problem, the rule at fault and why.</summary>
public sealed class RuleAllocationResult
{
    private RuleAllocationResult(double[] densities, RuleProblem problem, int ruleIndex, string? error)
    {
        Densities = densities;
        Problem = problem;
        RuleIndex = ruleIndex;
        Error = error;
    }

    /// <summary>One density per masked layer (forward order) from <see cref="RuleAllocator.Allocate"/>; empty on failure and from <see cref="RuleAllocator.Resolve"/>.</summary>
    public IReadOnlyList<double> Densities { get; }

    public RuleProblem Problem { get; }

    public bool Succeeded => Problem == RuleProblem.None;

    /// <summary>Index of the rule at fault (in the order given) for selector, range and conflict problems; -1 otherwise.</summary>
    public int RuleIndex { get; }

    /// <summary>What went wrong and what to change, without the model's name; null on success.</summary>
    public string? Error { get; }

    internal static RuleAllocationResult Success(double[] densities) => new RuleAllocationResult(densities, RuleProblem.None, -1, null);

    internal static RuleAllocationResult Failure(RuleProblem problem, int ruleIndex, string error) =>
        new RuleAllocationResult(new double[0], problem, ruleIndex, error);
}

/// <summary>
/// A model's layer-wise densities from an <see cref="Allocation"/>, a global density and per-layer rules — the one source
/// for the tables the generator writes for declared policies and for the densities the runner computes at run time.
/// Rules fix the layers they select (keep-dense rules first, then density rules, each in the order given) and the
/// allocation spreads the rest of the budget over the other layers (<see cref="DensityAllocator.AllocateWithFixed"/>);
/// <see cref="Allocation.Explicit"/> takes every layer from the rules; <see cref="Allocation.Dense"/> ignores them.
/// Depends only on the BCL, so the generator compiles this file too.
/// </summary>
public static class RuleAllocator
{
    /// <summary>The densities the rules fix, forward order, null for layers no rule selects; or the first problem.</summary>
    /// <param name="layerNames">Names of the masked layers, forward order.</param>
    /// <param name="layerKinds">Their kinds.</param>
    /// <param name="rules">The rules; <see cref="RuleAllocationResult.RuleIndex"/> indexes this list.</param>
    /// <param name="fixedDensities">One entry per masked layer: the density a rule gives it, or null.</param>
    public static RuleAllocationResult Resolve(IReadOnlyList<string> layerNames, IReadOnlyList<LayerKind> layerKinds, IReadOnlyList<LayerRule> rules,
        out double?[] fixedDensities)
    {
        if (layerNames == null) throw new ArgumentNullException(nameof(layerNames));
        if (layerKinds == null) throw new ArgumentNullException(nameof(layerKinds));
        if (rules == null) throw new ArgumentNullException(nameof(rules));
        fixedDensities = new double?[layerNames.Count];
        var origin = new LayerRule?[layerNames.Count];
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            if (!DensityAllocator.IsDensity(rule.Density))
                return RuleAllocationResult.Failure(RuleProblem.DensityOutOfRange, r,
                    "the density " + Format(rule.Density) + " given to '" + rule.Selector + "' is outside (0, 1].");
            var selected = LayerSelector.Select(layerNames, layerKinds, rule.Selector);
            if (selected.Length == 0)
                return RuleAllocationResult.Failure(RuleProblem.SelectsNothing, r,
                    "'" + rule.Selector + "' selects no masked layer. Name " + LayerSelector.Choices(layerNames, layerKinds) + ".");
            foreach (var i in selected)
            {
                if (fixedDensities[i] is { } previous && previous != rule.Density)
                    return RuleAllocationResult.Failure(RuleProblem.Conflict, r,
                        "layer '" + layerNames[i] + "' gets two densities, " + Format(previous) + " from " + origin[i]!.Description
                        + " and " + Format(rule.Density) + " from " + rule.Description + ".");
                fixedDensities[i] = rule.Density;
                origin[i] = rule;
            }
        }
        return RuleAllocationResult.Success(new double[0]);
    }

    /// <summary>
    /// Densities of the masked layers, forward order: <paramref name="allocation"/> at <paramref name="density"/> with the
    /// layers the rules select fixed, or the problem.
    /// </summary>
    /// <param name="weightShapes">Masked weight shapes, forward order (as <see cref="DensityAllocator.Allocate"/> takes them).</param>
    /// <param name="layerNames">Their layer names.</param>
    /// <param name="layerKinds">Their kinds.</param>
    /// <param name="allocation">How the budget is spread; Explicit takes every layer from the rules.</param>
    /// <param name="density">Global density in (0, 1]; unused by Dense and Explicit.</param>
    /// <param name="classifierDensity">Classifier density of ERK+.</param>
    /// <param name="rules">Keep-dense and density rules; only Uniform, Er, Erk and Explicit take them.</param>
    public static RuleAllocationResult Allocate(IReadOnlyList<long[]> weightShapes, IReadOnlyList<string> layerNames, IReadOnlyList<LayerKind> layerKinds,
        Allocation allocation, double density, double classifierDensity, IReadOnlyList<LayerRule> rules)
    {
        if (weightShapes == null) throw new ArgumentNullException(nameof(weightShapes));
        if (rules == null) throw new ArgumentNullException(nameof(rules));
        if (allocation == Allocation.Dense)
        {
            var dense = new double[weightShapes.Count];
            for (var i = 0; i < dense.Length; i++) dense[i] = 1.0;
            return RuleAllocationResult.Success(dense);
        }
        if (allocation != Allocation.Explicit && rules.Count == 0)
            return FromAllocation(DensityAllocator.Allocate(allocation, weightShapes, density, classifierDensity));

        var resolved = Resolve(layerNames, layerKinds, rules, out var fixedDensities);
        if (!resolved.Succeeded) return resolved;
        if (allocation != Allocation.Explicit)
            return FromAllocation(DensityAllocator.AllocateWithFixed(allocation, weightShapes, density, fixedDensities));

        var missing = new List<string>();
        for (var i = 0; i < fixedDensities.Length; i++)
            if (fixedDensities[i] == null) missing.Add(layerNames[i]);
        if (missing.Count > 0)
            return RuleAllocationResult.Failure(RuleProblem.Unassigned, -1,
                "the explicit policy needs a density for every masked layer; none given for " + string.Join(", ", missing) + ".");
        return FromAllocation(DensityAllocator.AllocateExplicit(weightShapes, fixedDensities));
    }

    /// <summary>Kept weights over all masked weights when every layer keeps exactly density·n: the global density a table implies.</summary>
    public static double ImpliedDensity(IReadOnlyList<long[]> weightShapes, IReadOnlyList<double> densities)
    {
        if (weightShapes == null) throw new ArgumentNullException(nameof(weightShapes));
        if (densities == null) throw new ArgumentNullException(nameof(densities));
        if (densities.Count != weightShapes.Count)
            throw new ArgumentException(densities.Count.ToString(CultureInfo.InvariantCulture) + " densities given for "
                + weightShapes.Count.ToString(CultureInfo.InvariantCulture) + " masked layers", nameof(densities));
        var kept = 0.0;
        long total = 0;
        for (var i = 0; i < densities.Count; i++)
        {
            long count = 1;
            foreach (var d in weightShapes[i]) count *= d;
            kept += densities[i] * count;
            total += count;
        }
        return total == 0 ? 1 : kept / total;
    }

    private static RuleAllocationResult FromAllocation(AllocationResult result)
    {
        if (!result.Succeeded) return RuleAllocationResult.Failure(RuleProblem.Budget, -1, result.Error!);
        var densities = new double[result.Densities.Count];
        for (var i = 0; i < densities.Length; i++) densities[i] = result.Densities[i];
        return RuleAllocationResult.Success(densities);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
