using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators.Parsing;

/// <summary>Checks shared by model and policy declarations: the type must be partial, top-level and non-generic.</summary>
internal static class DeclarationReader
{
    public static TypeTarget? Read(INamedTypeSymbol symbol, TypeDeclarationSyntax syntax, List<DiagnosticInfo> diagnostics)
    {
        var identifier = LocationInfo.From(syntax.Identifier);
        var valid = true;
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DeclarationMustBePartial, identifier, symbol.Name));
            valid = false;
        }
        if (symbol.ContainingType != null || symbol.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DeclarationMustBeTopLevel, identifier, symbol.Name));
            valid = false;
        }
        if (!valid) return null;

        var ns = symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString();
        return new TypeTarget(
            ns,
            symbol.Name,
            symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            symbol.IsRecord ? "record" : "class",
            symbol.DeclaredAccessibility == Accessibility.Public);
    }

    /// <summary>
    /// True when <paramref name="attribute"/> is the first application of its attribute class on the symbol. A second one
    /// (on another partial declaration) is already a compiler error; answering it too would emit the same file twice.
    /// </summary>
    public static bool IsFirstApplication(INamedTypeSymbol symbol, AttributeData attribute)
    {
        foreach (var candidate in symbol.GetAttributes())
            if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, attribute.AttributeClass))
                return candidate.ApplicationSyntaxReference?.Span == attribute.ApplicationSyntaxReference?.Span
                    && candidate.ApplicationSyntaxReference?.SyntaxTree == attribute.ApplicationSyntaxReference?.SyntaxTree;
        return true;
    }

    public static string FailureText(Exception exception) =>
        (exception.GetType().Name + ": " + exception.Message).Replace('\r', ' ').Replace('\n', ' ');
}
