using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators.Parsing;

/// <summary>Turns one <c>[Block]</c> declaration into a value-equal <see cref="BlockResult"/> and reports its problems; never throws.</summary>
internal static class BlockParser
{
    public static BlockResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetNode is not TypeDeclarationSyntax syntax || context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } symbol)
            return BlockResult.Empty;
        try
        {
            var diagnostics = new List<DiagnosticInfo>();
            var block = BlockReader.Read(symbol, context.SemanticModel, diagnostics, cancellationToken);
            return new BlockResult(block?.Spec, diagnostics.ToEquatableArray());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, LocationInfo.From(syntax.Identifier),
                symbol.Name, DeclarationReader.FailureText(exception));
            return new BlockResult(null, new EquatableArray<DiagnosticInfo>(new[] { failure }));
        }
    }
}

/// <summary>Reports <c>[Variant]</c>s on types without <c>[ModelFamily]</c> (the family parser reads the others); never throws.</summary>
internal static class VariantPlacement
{
    public static EquatableArray<DiagnosticInfo> Check(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (context.TargetSymbol is not INamedTypeSymbol symbol || WellKnownNames.Has(symbol, WellKnownNames.ModelFamilyAttribute))
                return EquatableArray<DiagnosticInfo>.Empty;
            return context.Attributes
                .Select(a => DiagnosticInfo.Create(DiagnosticDescriptors.VariantWithoutFamily,
                    LocationInfo.From(a.ApplicationSyntaxReference?.GetSyntax(cancellationToken)), symbol.Name))
                .ToEquatableArray();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EquatableArray<DiagnosticInfo>(new[]
            {
                DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, LocationInfo.From(context.TargetNode), context.TargetSymbol.Name,
                    DeclarationReader.FailureText(exception)),
            });
        }
    }
}
