using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators.Parsing;

/// <summary>Turns one <c>[SparseModel]</c> declaration into a value-equal <see cref="ModelResult"/>; never throws.</summary>
internal static class ModelParser
{
    public static ModelResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        // The attributes target classes only; on a struct the compiler already reports CS0592.
        if (context.TargetNode is not TypeDeclarationSyntax syntax || context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } symbol)
            return ModelResult.Empty;
        try
        {
            return Parse(syntax, symbol, context.Attributes[0], cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, LocationInfo.From(syntax.Identifier),
                symbol.Name, DeclarationReader.FailureText(exception));
            return new ModelResult(null, new EquatableArray<DiagnosticInfo>(new[] { failure }), EquatableArray<NameClaim>.Empty);
        }
    }

    private static ModelResult Parse(TypeDeclarationSyntax syntax, INamedTypeSymbol symbol, AttributeData attribute, CancellationToken cancellationToken)
    {
        if (!DeclarationReader.IsFirstApplication(symbol, attribute) || attribute.ApplicationSyntaxReference == null)
            return ModelResult.Empty;
        var arguments = new AttributeArguments(attribute, (AttributeSyntax)attribute.ApplicationSyntaxReference.GetSyntax(cancellationToken));
        if (arguments.HasErrors) return ModelResult.Empty;

        var diagnostics = new List<DiagnosticInfo>();
        var target = DeclarationReader.Read(symbol, syntax, diagnostics);
        var fullName = symbol.ToDisplayString();
        var claims = new List<NameClaim> { new(symbol.Name, fullName, LocationInfo.From(syntax.Identifier)) };
        var alias = arguments.Named<string?>("Name", null);
        var aliases = new List<string>();
        if (!string.IsNullOrWhiteSpace(alias) && alias != symbol.Name)
        {
            aliases.Add(alias!);
            claims.Add(new NameClaim(alias!, fullName, arguments.NamedLocation("Name")));
        }

        var inputShape = arguments.PositionalArray<int>(0).Select(d => (long)d).ToArray();
        var inputValid = (inputShape.Length == 1 || inputShape.Length == 3) && inputShape.All(d => d > 0);
        if (!inputValid)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInputShape, arguments.AttributeLocation,
                "(" + Literals.ShapeList(inputShape) + ")", symbol.Name));

        var layers = LayerReader.Read(symbol, syntax, diagnostics, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        LayerSpec[]? specs = null;
        if (layers != null && layers.Count == 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelHasNoLayers, LocationInfo.From(syntax.Identifier), symbol.Name));
        else if (layers != null && LayerNames.Assign(symbol.Name, layers, diagnostics) && inputValid)
            specs = ShapeInference.Run(inputShape, layers, diagnostics);

        var model = target != null && specs != null && diagnostics.Count == 0
            ? new ModelSpec(target, aliases.ToEquatableArray(), new EquatableArray<long>(inputShape), new EquatableArray<LayerSpec>(specs))
            : null;
        return new ModelResult(model, diagnostics.ToEquatableArray(), claims.ToEquatableArray());
    }
}
