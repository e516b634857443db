using SparseDsl.Generators.Infrastructure;

namespace SparseDsl.Generators.Specs;

/// <summary>A valid model (a <c>[SparseModel]</c> or one variant of a family), fully inferred: everything its generated file is made from.</summary>
/// <param name="Layers">Every layer in forward and registration order, with dotted names (<c>stages.1.blocks.0.conv1</c>): the layer table.</param>
/// <param name="Items">The model's own sequence: its layers and its stages, for the module class.</param>
/// <param name="Family">The family's fully qualified name for a variant, else null.</param>
internal sealed record ModelSpec(
    TypeTarget Type,
    EquatableArray<string> Aliases,
    EquatableArray<long> InputShape,
    EquatableArray<LayerSpec> Layers,
    EquatableArray<ModelItemSpec> Items,
    string? Family)
{
    public string ModelName => Type.Name;

    /// <summary>Masked weight shapes in forward order, as <c>DensityAllocator.Allocate</c> takes them.</summary>
    public IReadOnlyList<long[]> PrunableWeightShapes() =>
        Layers.Where(l => l.Prunable).Select(l => l.WeightShape.ToArray()).ToArray();

    public IReadOnlyList<string> PrunableLayerNames() => Layers.Where(l => l.Prunable).Select(l => l.Name).ToArray();

    /// <summary>True when <paramref name="nameOrAlias"/> is the model's name or one of its aliases, ignoring case (as <c>ModelInfo.Matches</c>).</summary>
    public bool Matches(string nameOrAlias) =>
        string.Equals(ModelName, nameOrAlias, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, nameOrAlias, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One entry of a model's own sequence: a layer, or a stage of blocks.</summary>
internal sealed record ModelItemSpec(LayerSpec? Layer, StageSpec? Stage);

/// <summary>A stage as built: block <paramref name="BlockModuleType"/> once per entry of <paramref name="Blocks"/>.</summary>
/// <param name="Index">Position among the model's stages: it is registered as <c>stages.{Index}</c>.</param>
internal sealed record StageSpec(int Index, string BlockName, string BlockModuleType, EquatableArray<BlockInstanceSpec> Blocks);

/// <summary>The constructor arguments of one block: <c>new XModule(in_channels, channels, stride)</c>.</summary>
internal sealed record BlockInstanceSpec(long InChannels, long Channels, long Stride);

/// <summary>A name or alias a model answers to in the catalog, with where it was declared.</summary>
internal sealed record NameClaim(string Name, string Owner, LocationInfo? Location);

/// <summary>A valid family: its type gets <c>Variants</c>, the catalog entries of its variant types.</summary>
internal sealed record FamilySpec(TypeTarget Type, EquatableArray<string> VariantTypes, EquatableArray<string> VariantNames);

/// <summary>
/// Outcome of reading one <c>[SparseModel]</c> (one model) or <c>[ModelFamily]</c> (its variants) declaration: the valid
/// models, the family, diagnostics and the names claimed.
/// </summary>
internal sealed record ModelResult(EquatableArray<ModelSpec> Models, FamilySpec? Family, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<NameClaim> NameClaims)
{
    public static ModelResult Empty { get; } = new(EquatableArray<ModelSpec>.Empty, null, EquatableArray<DiagnosticInfo>.Empty, EquatableArray<NameClaim>.Empty);

    public static ModelResult Failure(DiagnosticInfo diagnostic) =>
        new(EquatableArray<ModelSpec>.Empty, null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }), EquatableArray<NameClaim>.Empty);
}
