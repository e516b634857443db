using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Reads the layer attributes of a model in forward order. The order comes from the syntax (attribute lists, then
/// attributes within a list) rather than from <see cref="ISymbol.GetAttributes"/>, whose order is not a documented contract.
/// </summary>
internal static class LayerReader
{
    /// <returns>The layers, or null when an attribute did not bind (the compiler reports that).</returns>
    public static List<LayerDeclaration>? Read(INamedTypeSymbol symbol, TypeDeclarationSyntax syntax, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var applications = new Dictionary<TextSpan, AttributeData>();
        foreach (var data in symbol.GetAttributes())
        {
            var reference = data.ApplicationSyntaxReference;
            if (reference == null || WellKnownNames.LayerKindOf(data.AttributeClass) == null) continue;
            if (reference.SyntaxTree == syntax.SyntaxTree && syntax.Span.Contains(reference.Span))
                applications[reference.Span] = data;
            else
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayersOnOtherPartialDeclaration,
                    LocationInfo.From(reference.GetSyntax(cancellationToken)), symbol.Name));
        }

        var layers = new List<LayerDeclaration>();
        var bound = true;
        foreach (var list in syntax.AttributeLists)
        {
            if (list.Target != null && !list.Target.Identifier.IsKind(SyntaxKind.TypeKeyword)) continue;
            foreach (var attribute in list.Attributes)
            {
                if (!applications.TryGetValue(attribute.Span, out var data)) continue;
                var arguments = new AttributeArguments(data, attribute);
                if (arguments.HasErrors)
                {
                    bound = false;
                    continue;
                }
                layers.Add(Create(WellKnownNames.LayerKindOf(data.AttributeClass)!.Value, arguments));
            }
        }
        return bound ? layers : null;
    }

    private static LayerDeclaration Create(LayerKind kind, AttributeArguments a)
    {
        var name = a.Named<string?>("Name", null);
        return kind switch
        {
            LayerKind.Conv2d => new LayerDeclaration(kind, a)
            {
                ExplicitName = name,
                Size = a.Positional(0, 0),
                Kernel = a.Positional(1, 0),
                Stride = a.Named("Stride", 1),
                Padding = a.Named("Padding", 0),
                Dilation = a.Named("Dilation", 1),
                Groups = a.Named("Groups", 1),
                Bias = a.Named("Bias", true),
                In = a.Named("In", 0),
            },
            LayerKind.Linear => new LayerDeclaration(kind, a)
            {
                ExplicitName = name,
                Size = a.Positional(0, 0),
                Bias = a.Named("Bias", true),
                In = a.Named("In", 0),
            },
            LayerKind.BatchNorm2d or LayerKind.BatchNorm1d => new LayerDeclaration(kind, a)
            {
                ExplicitName = name,
                Eps = a.Named("Eps", 1e-5),
                Momentum = a.Named("Momentum", 0.1),
            },
            LayerKind.MaxPool2d or LayerKind.AvgPool2d => new LayerDeclaration(kind, a)
            {
                ExplicitName = name,
                Kernel = a.Positional(0, 0),
                Stride = a.Named("Stride", 0),
                Padding = a.Named("Padding", 0),
            },
            LayerKind.Dropout => new LayerDeclaration(kind, a) { ExplicitName = name, P = a.Positional(0, 0.0) },
            _ => new LayerDeclaration(kind, a) { ExplicitName = name },
        };
    }
}
