using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Reads a <c>[Block]</c> type: from its own declaration (the block's pipeline, which reports the diagnostics) or
/// from a stage that uses it (a model's pipeline, which only needs to know whether it is valid).
/// </summary>
internal static class BlockReader
{
    /// <param name="semanticModel">The block declaration's semantic model for SDSL0034, or null to skip that check.</param>
    /// <returns>The template, or null when <paramref name="symbol"/> carries no <c>[Block]</c>.</returns>
    public static BlockTemplate? Read(INamedTypeSymbol symbol, SemanticModel? semanticModel, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var attribute = symbol.GetAttributes().FirstOrDefault(a => WellKnownNames.IsAttribute(a.AttributeClass, WellKnownNames.BlockAttribute));
        if (attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { Parent.Parent: TypeDeclarationSyntax syntax } attributeSyntax
            || symbol.TypeKind != TypeKind.Class)
            return null;

        var errorsBefore = diagnostics.Count;
        foreach (var model in new[] { WellKnownNames.SparseModelAttribute, WellKnownNames.ModelFamilyAttribute })
            if (WellKnownNames.Has(symbol, model))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, LocationInfo.From(attributeSyntax),
                    "[Block]", "[" + model.Substring(WellKnownNames.AttributeNamespace.Length + 1).Replace("Attribute", "") + "]",
                    "a type is either a block or a model; declare the model in another type that uses the block in a [Stage]"));
        var target = DeclarationReader.Read(symbol, syntax, diagnostics);
        var items = LayerReader.Read(symbol, syntax, semanticModel, diagnostics, cancellationToken);
        if (items == null) return new BlockTemplate(symbol.Name, new LayerDeclaration[0], null);

        foreach (var stage in items.OfType<StageDeclaration>())
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAllowedHere, stage.Arguments.AttributeLocation,
                "[Stage]", "in a block", "blocks do not nest; write the inner block's layers into this block, or add another [Stage] to the model"));
        var layers = items.OfType<LayerDeclaration>().ToList();
        LayerNames.Assign(symbol.Name, layers, inBlock: true, diagnostics);
        foreach (var layer in layers) ArgumentChecks.Check(layer, inBlock: true, diagnostics);

        var residuals = layers.Where(l => l.Kind == LayerKind.Residual).ToList();
        foreach (var extra in residuals.Skip(1))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, extra.Arguments.AttributeLocation,
                "A second [Residual]", "the block's first one", "a block adds one shortcut; split the layers into two blocks"));

        var convolutions = layers.Where(l => l.Kind == LayerKind.Conv2d).ToList();
        if (convolutions.Count == 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BlockWithoutConvolution, LocationInfo.From(syntax.Identifier), symbol.Name));

        var preActivation = convolutions.Count == 0 ? 0 : layers.TakeWhile(l => l.Kind is LayerKind.BatchNorm2d or LayerKind.ReLU or LayerKind.Dropout).Count();
        foreach (var residual in residuals.Where(r => r.ProjectPreActivated && r.Shortcut != ShortcutKind.Identity && preActivation == 0))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAllowedHere, residual.Arguments.NamedLocation("ProjectPreActivated"),
                "ProjectPreActivated", "in a block that does not start with BatchNorm2d or ReLU",
                "put the pre-activation layers before the first convolution, or remove ProjectPreActivated"));

        var spec = target != null && diagnostics.Count == errorsBefore
            ? new BlockSpec(target, convolutions[convolutions.Count - 1].Size, layers.Select(Spec).ToEquatableArray(), preActivation)
            : null;
        return new BlockTemplate(symbol.Name, layers, spec);
    }

    private static BlockLayerSpec Spec(LayerDeclaration l) =>
        new(l.Kind, l.Name, l.Size, l.Kernel, l.Stride, l.Strided, l.Padding, l.Dilation, l.Groups, l.Bias, l.Eps, l.Momentum, l.P,
            l.Shortcut, l.ProjectPreActivated);
}
