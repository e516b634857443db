using SparseDsl.Sparsity;

namespace SparseDsl.Modeling;

/// <summary>
/// Per-layer densities of one policy for one model: <see cref="Densities"/>[i] applies to the masked layer
/// <see cref="LayerNames"/>[i] (the model's prunable layers in forward order). The generator writes one per
/// declared policy; <see cref="Create"/> computes one at run time with the same allocation code.
/// </summary>
public sealed class DensityTable
{
    private readonly string[] layerNames;
    private readonly double[] densities;

    public DensityTable(string policyName, Allocation allocation, double density, double classifierDensity, string[] layerNames, double[] densities)
    {
        ArgumentException.ThrowIfNullOrEmpty(policyName);
        ArgumentNullException.ThrowIfNull(layerNames);
        ArgumentNullException.ThrowIfNull(densities);
        if (layerNames.Length != densities.Length)
            throw new ArgumentException($"{layerNames.Length} layer names but {densities.Length} densities.", nameof(densities));
        foreach (var d in densities)
            if (!DensityAllocator.IsDensity(d))
                throw new ArgumentOutOfRangeException(nameof(densities), d, "Every layer density must be in (0, 1].");
        PolicyName = policyName;
        Allocation = allocation;
        Density = density;
        ClassifierDensity = classifierDensity;
        this.layerNames = (string[])layerNames.Clone();
        this.densities = (double[])densities.Clone();
        LayerNames = Array.AsReadOnly(this.layerNames);
        Densities = Array.AsReadOnly(this.densities);
    }

    public string PolicyName { get; }
    public Allocation Allocation { get; }

    /// <summary>The policy's global density.</summary>
    public double Density { get; }

    /// <summary>The policy's classifier density (used by <see cref="Allocation.ErkPlus"/> only).</summary>
    public double ClassifierDensity { get; }

    /// <summary>Names of the masked layers, forward order.</summary>
    public IReadOnlyList<string> LayerNames { get; }

    /// <summary>Density of each masked layer, aligned with <see cref="LayerNames"/>.</summary>
    public IReadOnlyList<double> Densities { get; }

    /// <summary>The density of masked layer <paramref name="layerName"/>.</summary>
    /// <exception cref="KeyNotFoundException">No masked layer has that name.</exception>
    public double DensityOf(string layerName)
    {
        var index = Array.IndexOf(layerNames, layerName);
        if (index < 0) throw new KeyNotFoundException($"Policy '{PolicyName}' has no masked layer '{layerName}'.");
        return densities[index];
    }

    /// <summary>
    /// Computes the table of <paramref name="policy"/> (its rules included) for <paramref name="model"/> at run time, e.g.
    /// for density sweeps; an explicit policy's table carries the global density its layers imply, as generated ones do.
    /// </summary>
    /// <exception cref="InvalidOperationException">The policy's budget cannot be met for this model, or a rule does not
    /// fit it; the message says why.</exception>
    public static DensityTable Create(ModelInfo model, SparsityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(policy);
        var result = policy.Allocate(model);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Policy '{policy.Name}' cannot be applied to model '{model.Name}': {result.Error}");
        var names = new string[model.PrunableLayers.Count];
        for (var i = 0; i < names.Length; i++) names[i] = model.PrunableLayers[i].Name;
        double[] densities = [.. result.Densities];
        var density = policy.Allocation == Allocation.Explicit ? RuleAllocator.ImpliedDensity(model.GetPrunableWeightShapes(), densities) : policy.Density;
        return new DensityTable(policy.Name, policy.Allocation, density, policy.ClassifierDensity, names, densities);
    }
}
