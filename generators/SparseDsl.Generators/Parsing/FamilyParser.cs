using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Turns one <c>[ModelFamily]</c> declaration into a value-equal <see cref="ModelResult"/>: the template is checked
/// and inferred as written (problems at its attributes), then each <c>[Variant]</c> (problems at the variant); never throws.
/// </summary>
internal static class FamilyParser
{
    public static ModelResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Guard.Run(context, cancellationToken, Parse);

    private static ModelResult Parse(TypeDeclarationSyntax syntax, INamedTypeSymbol symbol, AttributeData attribute, SemanticModel semanticModel,
        CancellationToken cancellationToken)
    {
        // [SparseModel] or [Block] on the same type: their parsers report the conflict.
        if (!DeclarationReader.IsFirstApplication(symbol, attribute) || attribute.ApplicationSyntaxReference == null
            || WellKnownNames.Has(symbol, WellKnownNames.SparseModelAttribute) || WellKnownNames.Has(symbol, WellKnownNames.BlockAttribute))
            return ModelResult.Empty;
        var arguments = new AttributeArguments(attribute, (AttributeSyntax)attribute.ApplicationSyntaxReference.GetSyntax(cancellationToken));
        var diagnostics = new List<DiagnosticInfo>();
        if (arguments.HasErrors) return Guard.Result(diagnostics, arguments.NonConstantArguments(semanticModel));

        var target = DeclarationReader.Read(symbol, syntax, diagnostics);
        var inputShape = InputShape.Read(arguments, symbol.Name, diagnostics);
        var baseWidth = arguments.Named("BaseWidth", 1.0);
        if (!(baseWidth > 0) || double.IsInfinity(baseWidth))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, arguments.NamedLocation("BaseWidth"),
                "BaseWidth", symbol.Name, Literals.Double(baseWidth), "positive"));
        var template = ModelTemplate.Read(symbol, syntax, semanticModel, diagnostics, cancellationToken);
        var variants = VariantReader.Read(symbol, semanticModel, diagnostics, cancellationToken);
        if (variants != null && variants.Count == 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FamilyWithoutVariants, LocationInfo.From(syntax.Identifier), symbol.Name));

        var claims = new List<NameClaim>();
        var models = new List<ModelSpec>();
        if (template is not { IsValid: true } || inputShape == null || target == null || variants == null || diagnostics.Count > 0
            || ModelInference.Run(inputShape, template, ModelSettings.Reference, null, diagnostics) == null)
            return Result(models, null, diagnostics, claims);

        var typeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = Variant(variant, symbol, target, inputShape, baseWidth, template, typeNames, diagnostics, claims);
            if (model != null) models.Add(model);
        }
        var family = models.Count == variants.Count
            ? new FamilySpec(target, models.Select(m => m.Type.FullyQualifiedName).ToEquatableArray(), variants.Select(v => v.Name).ToEquatableArray())
            : null;
        return Result(models, family, diagnostics, claims);
    }

    private static ModelSpec? Variant(VariantDeclaration variant, INamedTypeSymbol family, TypeTarget target, long[] inputShape, double baseWidth,
        ModelTemplate template, HashSet<string> typeNames, List<DiagnosticInfo> diagnostics, List<NameClaim> claims)
    {
        var errorsBefore = diagnostics.Count;
        var a = variant.Arguments;
        var typeName = variant.TypeName ?? ModelNames.PascalCase(variant.Name);
        var typeProblem = variant.Name.Trim().Length == 0 ? "the variant has no name; give its catalog name"
            : ModelNames.TypeNameProblem(typeName)
              ?? (!typeNames.Add(typeName) ? "another variant of '" + family.Name + "' generates it"
              : family.ContainingNamespace.GetTypeMembers(typeName).Length > 0 ? "a type of that name is already declared in the namespace" : null);
        if (typeProblem != null)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidVariantTypeName,
                variant.TypeName != null ? a.NamedLocation("TypeName") : a.PositionalLocation(0), variant.Name, typeName, typeProblem));

        var stages = template.StageCount;
        if (variant.Width is { } width && (!(width > 0) || double.IsInfinity(width)))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, a.NamedLocation("Width"), "Width", variant.Name, Literals.Double(width), "positive"));
        if (variant.Blocks is { } blocks)
        {
            ModelTemplate.Positive("Blocks", variant.Name, blocks, a.NamedLocation("Blocks"), diagnostics);
            ModelTemplate.AtMost("Blocks", variant.Name, blocks, ModelTemplate.MaxBlocks, a.NamedLocation("Blocks"), diagnostics);
        }
        if (variant.StageBlocks != null)
        {
            if (variant.Blocks != null)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, a.NamedLocation("StageBlocks"),
                    "StageBlocks", "Blocks", "give the blocks of every stage (Blocks) or of each stage (StageBlocks), not both"));
            else if (variant.StageBlocks.Count != stages)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StageBlocksCountMismatch, a.NamedLocation("StageBlocks"),
                    variant.Name, Literals.Long(variant.StageBlocks.Count), family.Name, Literals.Long(stages)));
            foreach (var count in variant.StageBlocks)
            {
                ModelTemplate.Positive("StageBlocks", variant.Name, count, a.NamedLocation("StageBlocks"), diagnostics);
                ModelTemplate.AtMost("StageBlocks", variant.Name, count, ModelTemplate.MaxBlocks, a.NamedLocation("StageBlocks"), diagnostics);
            }
        }
        BlockTemplate? block = null;
        if (stages == 0)
        {
            foreach (var property in new[] { "Blocks", "StageBlocks", "Block" }.Where(a.HasNamed))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAllowedHere, a.NamedLocation(property),
                    property, "in a variant of a family without stages", "remove it, or add [Stage]s to the family"));
        }
        else if (a.HasNamed("Block"))
        {
            block = template.RequireBlock(variant.Block, a.NamedLocation("Block"), diagnostics);
            if (block == null) return null;
        }
        if (diagnostics.Count != errorsBefore) return null;

        var fullName = target.Sibling(typeName);
        var owner = fullName.Substring("global::".Length);
        claims.Add(new NameClaim(typeName, owner, a.PositionalLocation(0)));
        var aliases = new List<string>();
        ModelNames.AddAlias(variant.Name, a.PositionalLocation(0), typeName, owner, aliases, claims);
        foreach (var alias in variant.Aliases) ModelNames.AddAlias(alias, a.NamedLocation("Aliases"), typeName, owner, aliases, claims);

        var settings = new ModelSettings(variant.Name, variant.Width ?? baseWidth, (variant.Width ?? baseWidth) / baseWidth,
            variant.Blocks, variant.StageBlocks, block);
        var inferred = ModelInference.Run(inputShape, template, settings, a.AttributeLocation, diagnostics);
        if (inferred == null) return null;
        var type = new TypeTarget(target.Namespace, typeName, fullName, target.Keyword, target.IsPublic, Generated: true);
        return new ModelSpec(type, aliases.ToEquatableArray(), new EquatableArray<long>(inputShape),
            inferred.Value.Layers.ToEquatableArray(), inferred.Value.Items.ToEquatableArray(), target.FullyQualifiedName);
    }

    private static ModelResult Result(List<ModelSpec> models, FamilySpec? family, List<DiagnosticInfo> diagnostics, List<NameClaim> claims) =>
        new(models.ToEquatableArray(), family, diagnostics.ToEquatableArray(), claims.ToEquatableArray());
}
