using SparseDsl.Generators.Infrastructure;

namespace SparseDsl.Generators.Specs;

/// <summary>A valid model declaration, fully inferred: everything its generated file is made from.</summary>
internal sealed record ModelSpec(
    TypeTarget Type,
    EquatableArray<string> Aliases,
    EquatableArray<long> InputShape,
    EquatableArray<LayerSpec> Layers)
{
    public string ModelName => Type.Name;

    /// <summary>Masked weight shapes in forward order, as <c>DensityAllocator.Allocate</c> takes them.</summary>
    public IReadOnlyList<long[]> PrunableWeightShapes() =>
        Layers.Where(l => l.Prunable).Select(l => l.WeightShape.ToArray()).ToArray();

    public IReadOnlyList<string> PrunableLayerNames() => Layers.Where(l => l.Prunable).Select(l => l.Name).ToArray();
}

/// <summary>A name or alias a model answers to in the catalog, with where it was declared.</summary>
internal sealed record NameClaim(string Name, string Owner, LocationInfo? Location);

/// <summary>Outcome of reading one <c>[SparseModel]</c> declaration: the model when valid, and its diagnostics.</summary>
internal sealed record ModelResult(ModelSpec? Model, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<NameClaim> NameClaims)
{
    public static ModelResult Empty { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty, EquatableArray<NameClaim>.Empty);
}
