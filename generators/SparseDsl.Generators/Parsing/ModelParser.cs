using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators.Parsing;

/// <summary>Turns one <c>[SparseModel]</c> declaration into a value-equal <see cref="ModelResult"/>; never throws.</summary>
internal static class ModelParser
{
    public static ModelResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Guard.Run(context, cancellationToken, Parse);

    private static ModelResult Parse(TypeDeclarationSyntax syntax, INamedTypeSymbol symbol, AttributeData attribute, SemanticModel semanticModel,
        CancellationToken cancellationToken)
    {
        if (!DeclarationReader.IsFirstApplication(symbol, attribute) || attribute.ApplicationSyntaxReference == null
            || WellKnownNames.Has(symbol, WellKnownNames.BlockAttribute))
            return ModelResult.Empty;
        var arguments = new AttributeArguments(attribute, (AttributeSyntax)attribute.ApplicationSyntaxReference.GetSyntax(cancellationToken));
        var diagnostics = new List<DiagnosticInfo>();
        if (arguments.HasErrors) return Guard.Result(diagnostics, arguments.NonConstantArguments(semanticModel));
        if (WellKnownNames.Has(symbol, WellKnownNames.ModelFamilyAttribute))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, arguments.AttributeLocation,
                "[SparseModel]", "[ModelFamily]", "a family's models are its [Variant]s; remove [SparseModel]"));
            return Guard.Result(diagnostics);
        }

        var target = DeclarationReader.Read(symbol, syntax, diagnostics);
        var fullName = symbol.ToDisplayString();
        var claims = new List<NameClaim> { new(symbol.Name, fullName, LocationInfo.From(syntax.Identifier)) };
        var aliases = new List<string>();
        ModelNames.AddAlias(arguments.Named<string?>("Name", null), arguments.NamedLocation("Name"), symbol.Name, fullName, aliases, claims);
        foreach (var alias in arguments.NamedArray<string?>("Aliases") ?? new string?[0])
            ModelNames.AddAlias(alias, arguments.NamedLocation("Aliases"), symbol.Name, fullName, aliases, claims);

        var inputShape = InputShape.Read(arguments, symbol.Name, diagnostics);
        var template = ModelTemplate.Read(symbol, syntax, semanticModel, diagnostics, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        ModelSpec? model = null;
        if (template is { IsValid: true } && inputShape != null && target != null && diagnostics.Count == 0)
        {
            var inferred = ModelInference.Run(inputShape, template, ModelSettings.Reference, null, diagnostics);
            if (inferred != null && diagnostics.Count == 0)
                model = new ModelSpec(target, aliases.ToEquatableArray(), new EquatableArray<long>(inputShape),
                    inferred.Value.Layers.ToEquatableArray(), inferred.Value.Items.ToEquatableArray(), null);
        }
        var models = model == null ? EquatableArray<ModelSpec>.Empty : new EquatableArray<ModelSpec>(new[] { model });
        return new ModelResult(models, null, diagnostics.ToEquatableArray(), claims.ToEquatableArray());
    }
}
