using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;

namespace SparseDsl.Generators.Parsing;

/// <summary>One <c>[Variant]</c> as written; unset properties are null.</summary>
internal sealed class VariantDeclaration(AttributeArguments arguments)
{
    public AttributeArguments Arguments { get; } = arguments;
    public string Name { get; init; } = "";
    public string? TypeName { get; init; }
    public double? Width { get; init; }
    public int? Blocks { get; init; }
    public IReadOnlyList<int>? StageBlocks { get; init; }
    public ITypeSymbol? Block { get; init; }
    public IReadOnlyList<string?> Aliases { get; init; } = new string?[0];
}

/// <summary>Reads the <c>[Variant]</c>s of a family in source order.</summary>
internal static class VariantReader
{
    /// <returns>The variants, or null when one did not bind (the compiler reports that).</returns>
    public static List<VariantDeclaration>? Read(INamedTypeSymbol symbol, SemanticModel semanticModel, List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var variants = new List<(SyntaxReference Reference, VariantDeclaration Variant)>();
        var bound = true;
        foreach (var data in symbol.GetAttributes())
        {
            if (!WellKnownNames.IsDslAttribute(data.AttributeClass, WellKnownNames.VariantAttributeName)
                || data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
                continue;
            var a = new AttributeArguments(data, syntax);
            if (a.HasErrors)
            {
                if (syntax.SyntaxTree == semanticModel.SyntaxTree) diagnostics.AddRange(a.NonConstantArguments(semanticModel));
                bound = false;
                continue;
            }
            variants.Add((data.ApplicationSyntaxReference, new VariantDeclaration(a)
            {
                Name = a.Positional<string?>(0, null) ?? "",
                TypeName = a.HasNamed("TypeName") ? a.Named<string?>("TypeName", null) ?? "" : null,
                Width = a.HasNamed("Width") ? a.Named("Width", 0.0) : null,
                Blocks = a.HasNamed("Blocks") ? a.Named("Blocks", 0) : null,
                StageBlocks = a.HasNamed("StageBlocks") ? a.NamedArray<int>("StageBlocks") ?? new int[0] : null,
                Block = a.Named<ITypeSymbol?>("Block", null),
                Aliases = a.NamedArray<string?>("Aliases") ?? new string?[0],
            }));
        }
        if (!bound) return null;
        return variants
            .OrderBy(v => v.Reference.SyntaxTree.FilePath, StringComparer.Ordinal)
            .ThenBy(v => v.Reference.Span.Start)
            .Select(v => v.Variant)
            .ToList();
    }
}
