using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators.Parsing;

/// <summary>The shared entry of the model and family transforms: class targets only, and any exception becomes SDSL0020.</summary>
internal static class Guard
{
    public delegate ModelResult Parser(TypeDeclarationSyntax syntax, INamedTypeSymbol symbol, AttributeData attribute, SemanticModel semanticModel,
        CancellationToken cancellationToken);

    public static ModelResult Run(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken, Parser parse)
    {
        // The attributes target classes only; on a struct the compiler already reports CS0592.
        if (context.TargetNode is not TypeDeclarationSyntax syntax || context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } symbol)
            return ModelResult.Empty;
        try
        {
            return parse(syntax, symbol, context.Attributes[0], context.SemanticModel, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return ModelResult.Failure(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, LocationInfo.From(syntax.Identifier),
                symbol.Name, DeclarationReader.FailureText(exception)));
        }
    }

    /// <summary>A result with diagnostics only.</summary>
    public static ModelResult Result(List<DiagnosticInfo> diagnostics, IEnumerable<DiagnosticInfo>? more = null)
    {
        if (more != null) diagnostics.AddRange(more);
        return new ModelResult(EquatableArray<ModelSpec>.Empty, null, diagnostics.ToEquatableArray(), EquatableArray<NameClaim>.Empty);
    }
}
