using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// The layer and stage sequence of a <c>[SparseModel]</c> or <c>[ModelFamily]</c> declaration, read and checked
/// item by item (names, arguments, stages and their blocks); shape inference comes after. Lives inside one transform.
/// </summary>
internal sealed class ModelTemplate
{
    private readonly Dictionary<INamedTypeSymbol, BlockTemplate?> blocks = new(SymbolEqualityComparer.Default);
    private readonly CancellationToken cancellationToken;

    private ModelTemplate(List<ItemDeclaration> items, CancellationToken cancellationToken)
    {
        Items = items;
        this.cancellationToken = cancellationToken;
    }

    public List<ItemDeclaration> Items { get; }

    public int StageCount => Items.OfType<StageDeclaration>().Count();

    /// <summary>False when any item has a problem (reported, or reported by the block it uses).</summary>
    public bool IsValid { get; private set; } = true;

    /// <returns>The template, or null when an attribute did not bind (the compiler reports that).</returns>
    public static ModelTemplate? Read(INamedTypeSymbol symbol, TypeDeclarationSyntax syntax, SemanticModel semanticModel,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var items = LayerReader.Read(symbol, syntax, semanticModel, diagnostics, cancellationToken);
        if (items == null) return null;
        var template = new ModelTemplate(items, cancellationToken);
        var errorsBefore = diagnostics.Count;
        if (items.Count == 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelHasNoLayers, LocationInfo.From(syntax.Identifier), symbol.Name));

        var layers = items.OfType<LayerDeclaration>().ToList();
        LayerNames.Assign(symbol.Name, layers, inBlock: false, diagnostics);
        foreach (var layer in layers) ArgumentChecks.Check(layer, inBlock: false, diagnostics);
        var stageIndex = 0;
        foreach (var stage in items.OfType<StageDeclaration>()) template.CheckStage(stage, stageIndex++, diagnostics);
        CheckNothingBetweenStages(items, diagnostics);
        if (diagnostics.Count != errorsBefore) template.IsValid = false;
        return template;
    }

    /// <summary>The block a type names, read once per declaration; null when it is not a <c>[Block]</c>.</summary>
    public BlockTemplate? Block(INamedTypeSymbol? symbol)
    {
        if (symbol == null) return null;
        if (!blocks.TryGetValue(symbol, out var block))
            blocks[symbol] = block = BlockReader.Read(symbol, null, new List<DiagnosticInfo>(), cancellationToken);
        return block;
    }

    /// <summary>
    /// Reports a type that is not a <c>[Block]</c> at <paramref name="location"/>.
    /// </summary>
    /// <returns>The block when it is valid; null otherwise (an invalid block reports its own errors).</returns>
    public BlockTemplate? RequireBlock(ITypeSymbol? type, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var block = Block(type as INamedTypeSymbol);
        if (block == null)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownBlock, location, type?.ToDisplayString() ?? "null"));
        return block is { IsValid: true } ? block : null;
    }

    private void CheckStage(StageDeclaration stage, int index, List<DiagnosticInfo> diagnostics)
    {
        var a = stage.Arguments;
        var name = "stages." + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Positive("Channels", name, stage.Channels, a.PositionalLocation(1), diagnostics);
        Positive("Blocks", name, stage.Blocks, a.NamedLocation("Blocks"), diagnostics);
        AtMost("Blocks", name, stage.Blocks, MaxBlocks, a.NamedLocation("Blocks"), diagnostics);
        Positive("Stride", name, stage.Stride, a.NamedLocation("Stride"), diagnostics);
        var block = RequireBlock(stage.Block, a.PositionalLocation(0), diagnostics);
        if (block == null) IsValid = false;
        else if (stage.Stride > 1 && !block.HasStridedConvolution)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StrideWithoutStridedConv, a.NamedLocation("Stride"),
                Literals.Long(stage.Stride), block.Name));
    }

    /// <summary>
    /// The stages are registered together (as <c>stages</c>) where the first one runs, so a layer with parameters between
    /// two stages would be registered after all of them: its place in checkpoints and density tables would not be its forward place.
    /// </summary>
    private static void CheckNothingBetweenStages(List<ItemDeclaration> items, List<DiagnosticInfo> diagnostics)
    {
        var first = items.FindIndex(i => i is StageDeclaration);
        var last = items.FindLastIndex(i => i is StageDeclaration);
        for (var i = first + 1; first >= 0 && i < last; i++)
            if (items[i] is LayerDeclaration { Kind: LayerKind.Conv2d or LayerKind.Linear or LayerKind.BatchNorm2d or LayerKind.BatchNorm1d } layer)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterizedLayerBetweenStages, layer.Arguments.AttributeLocation, layer.Name));
    }

    /// <summary>Blocks per stage at most: far beyond any published network (ResNet-1202 has 200), and a bound on the generator's work.</summary>
    public const int MaxBlocks = 1000;

    public static void AtMost(string what, string owner, long value, long limit, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (value > limit)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, location, what, owner, Literals.Long(value), "at most " + Literals.Long(limit)));
    }

    public static void Positive(string what, string owner, long value, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (value <= 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, location, what, owner, Literals.Long(value), "positive"));
    }
}
