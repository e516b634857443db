using Microsoft.CodeAnalysis;

namespace SparseDsl.Generators.Parsing;

/// <summary>One attribute of a model's or block's sequence as written: a layer or a stage. Lives inside one transform.</summary>
internal abstract class ItemDeclaration(AttributeArguments arguments)
{
    public AttributeArguments Arguments { get; } = arguments;
}

/// <summary>A <c>[Stage(typeof(Block), channels)]</c> as written.</summary>
internal sealed class StageDeclaration(AttributeArguments arguments) : ItemDeclaration(arguments)
{
    /// <summary>The block type, or null when <c>typeof</c> names no named type (e.g. <c>null</c>).</summary>
    public INamedTypeSymbol? Block { get; init; }
    public int Channels { get; init; }
    public int Blocks { get; init; } = 1;
    public int Stride { get; init; } = 1;
}
