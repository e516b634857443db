namespace SparseDsl.Modeling;

/// <summary>A catalog row: everything about one declared model, found by name or alias (the generated <c>ModelCatalog</c> lists them).</summary>
public sealed class ModelEntry
{
    public ModelEntry(ModelInfo info, IReadOnlyList<DensityTable> densityTables, Func<SparseModule> create)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(densityTables);
        ArgumentNullException.ThrowIfNull(create);
        Info = info;
        DensityTables = densityTables;
        Create = create;
    }

    /// <summary>The declaring type's name, e.g. <c>LeNet5</c>.</summary>
    public string Name => Info.Name;

    public IReadOnlyList<string> Aliases => Info.Aliases;

    public ModelInfo Info { get; }

    public IReadOnlyList<DensityTable> DensityTables { get; }

    /// <summary>Creates a fresh module.</summary>
    public Func<SparseModule> Create { get; }

    /// <summary>True when <paramref name="nameOrAlias"/> names this model, ignoring case.</summary>
    public bool Matches(string nameOrAlias) => Info.Matches(nameOrAlias);

    /// <summary>The compile-time table of policy <paramref name="policyName"/> (ignoring case), or null.</summary>
    public DensityTable? FindDensityTable(string policyName)
    {
        foreach (var table in DensityTables)
            if (string.Equals(table.PolicyName, policyName, StringComparison.OrdinalIgnoreCase)) return table;
        return null;
    }
}
