using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Reads the layer and stage attributes of a model or block in forward order. The order comes from the syntax
/// (attribute lists, then attributes within a list) rather than from <see cref="ISymbol.GetAttributes"/>, whose order
/// is not a documented contract.
/// </summary>
internal static class LayerReader
{
    /// <param name="semanticModel">The declaration's semantic model, to explain non-constant arguments (SDSL0034); null to skip that.</param>
    /// <returns>The items, or null when an attribute did not bind (the compiler reports that).</returns>
    public static List<ItemDeclaration>? Read(INamedTypeSymbol symbol, TypeDeclarationSyntax syntax, SemanticModel? semanticModel,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var applications = new Dictionary<TextSpan, AttributeData>();
        foreach (var data in symbol.GetAttributes())
        {
            var reference = data.ApplicationSyntaxReference;
            if (reference == null || !IsItem(data.AttributeClass)) continue;
            if (reference.SyntaxTree == syntax.SyntaxTree && syntax.Span.Contains(reference.Span))
                applications[reference.Span] = data;
            else
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayersOnOtherPartialDeclaration,
                    LocationInfo.From(reference.GetSyntax(cancellationToken)), symbol.Name));
        }

        var items = new List<ItemDeclaration>();
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
                    if (semanticModel != null) diagnostics.AddRange(arguments.NonConstantArguments(semanticModel));
                    bound = false;
                    continue;
                }
                var kind = WellKnownNames.LayerKindOf(data.AttributeClass);
                items.Add(kind != null ? CreateLayer(kind.Value, arguments) : CreateStage(arguments));
            }
        }
        return bound ? items : null;
    }

    private static bool IsItem(INamedTypeSymbol? attributeClass) =>
        WellKnownNames.LayerKindOf(attributeClass) != null || WellKnownNames.IsDslAttribute(attributeClass, WellKnownNames.StageAttributeName);

    private static StageDeclaration CreateStage(AttributeArguments a) => new(a)
    {
        Block = a.Positional<INamedTypeSymbol?>(0, null),
        Channels = a.Positional(1, 0),
        Blocks = a.Named("Blocks", 1),
        Stride = a.Named("Stride", 1),
    };

    private static LayerDeclaration CreateLayer(LayerKind kind, AttributeArguments a)
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
                Strided = a.Named("Strided", false),
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
            LayerKind.Residual => new LayerDeclaration(kind, a)
            {
                ExplicitName = name,
                Shortcut = (ShortcutKind)a.Positional(0, (int)ShortcutKind.ConvBatchNorm),
                ProjectPreActivated = a.Named("ProjectPreActivated", false),
            },
            _ => new LayerDeclaration(kind, a) { ExplicitName = name },
        };
    }
}
