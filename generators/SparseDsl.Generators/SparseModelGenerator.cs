using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SparseDsl.Generators.Emitting;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Parsing;
using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators;

/// <summary>
/// Generates the members of <c>[SparseModel]</c>, <c>[ModelFamily]</c> (one type per <c>[Variant]</c>), <c>[Block]</c> and
/// <c>[SparsityPolicy]</c> declarations and the catalog of all models and policies. Declarations are read into value-equal
/// specs (syntax and symbols never leave the transforms); sources are produced from the specs alone and diagnostics
/// travel a separate pipeline, so editing unrelated code re-runs nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SparseModelGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var modelResults = Declarations(context, WellKnownNames.SparseModelAttribute, ModelParser.Parse).WithTrackingName(TrackingNames.ModelResults);
        var familyResults = Declarations(context, WellKnownNames.ModelFamilyAttribute, FamilyParser.Parse).WithTrackingName(TrackingNames.FamilyResults);
        var blockResults = Declarations(context, WellKnownNames.BlockAttribute, BlockParser.Parse).WithTrackingName(TrackingNames.BlockResults);
        var policyResults = Declarations(context, WellKnownNames.SparsityPolicyAttribute, PolicyParser.Parse).WithTrackingName(TrackingNames.PolicyResults);
        var variantPlacement = Declarations(context, WellKnownNames.AttributeNamespace + "." + WellKnownNames.VariantAttributeName, VariantPlacement.Check)
            .WithTrackingName(TrackingNames.VariantPlacement);
        var layerDensityPlacement = Declarations(context, LayerDensityPlacement.AttributeMetadataName, LayerDensityPlacement.Check);

        var models = modelResults.SelectMany(static (r, _) => r.Models).WithTrackingName(TrackingNames.Models);
        var variants = familyResults.SelectMany(static (r, _) => r.Models).WithTrackingName(TrackingNames.Variants);
        var families = familyResults.Select(static (r, _) => r.Family).Where(static f => f != null).Select(static (f, _) => f!)
            .WithTrackingName(TrackingNames.Families);
        var blocks = blockResults.Select(static (r, _) => r.Block).Where(static b => b != null).Select(static (b, _) => b!)
            .WithTrackingName(TrackingNames.Blocks);
        var policies = policyResults.Select(static (r, _) => r.Policy).Where(static p => p != null).Select(static (p, _) => p!);

        var sortedPolicies = policies.Collect()
            .Select(static (all, _) => all
                .OrderBy(p => p.PolicyName, StringComparer.Ordinal)
                .ThenBy(p => p.Type.FullyQualifiedName, StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.Policies);

        var sortedModels = models.Collect().Combine(variants.Collect())
            .Select(static (pair, _) => pair.Left.Concat(pair.Right)
                .OrderBy(m => m.ModelName, StringComparer.Ordinal)
                .ThenBy(m => m.Type.FullyQualifiedName, StringComparer.Ordinal)
                .ToEquatableArray());

        // Hint names, unique across every file (see HintNames).
        var hintNames = models.Select(static (m, _) => ModelRequest(m)).Collect()
            .Combine(variants.Select(static (m, _) => ModelRequest(m)).Collect())
            .Combine(families.Select(static (f, _) => new HintRequest("family:" + f.Type.FullyQualifiedName, FamilyEmitter.HintName(f))).Collect())
            .Combine(blocks.Select(static (b, _) => new HintRequest("block:" + b.Type.FullyQualifiedName, BlockEmitter.HintName(b))).Collect())
            .Combine(policies.Select(static (p, _) => new HintRequest("policy:" + p.Type.FullyQualifiedName, PolicyEmitter.HintName(p))).Collect())
            .Select(static (all, _) => HintNames.Assign(all.Left.Left.Left.Left.Concat(all.Left.Left.Left.Right).Concat(all.Left.Left.Right)
                .Concat(all.Left.Right).Concat(all.Right).Append(new HintRequest(CatalogKey, CatalogEmitter.HintName))))
            .WithTrackingName(TrackingNames.HintNames);

        // Sources.
        context.RegisterSourceOutput(models.Combine(sortedPolicies).Combine(hintNames), static (spc, all) => AddModel(spc, all.Left.Left, all.Left.Right, all.Right));
        context.RegisterSourceOutput(variants.Combine(sortedPolicies).Combine(hintNames), static (spc, all) => AddModel(spc, all.Left.Left, all.Left.Right, all.Right));
        context.RegisterSourceOutput(families.Combine(hintNames), static (spc, pair) =>
            AddSource(spc, pair.Left.Type.Name, () => (pair.Right.For("family:" + pair.Left.Type.FullyQualifiedName, FamilyEmitter.HintName(pair.Left)), FamilyEmitter.Emit(pair.Left))));
        context.RegisterSourceOutput(blocks.Combine(hintNames), static (spc, pair) =>
            AddSource(spc, pair.Left.Type.Name, () => (pair.Right.For("block:" + pair.Left.Type.FullyQualifiedName, BlockEmitter.HintName(pair.Left)), BlockEmitter.Emit(pair.Left))));
        context.RegisterSourceOutput(policies.Combine(hintNames), static (spc, pair) =>
            AddSource(spc, pair.Left.PolicyName, () => (pair.Right.For("policy:" + pair.Left.Type.FullyQualifiedName, PolicyEmitter.HintName(pair.Left)), PolicyEmitter.Emit(pair.Left))));
        context.RegisterSourceOutput(sortedModels.Combine(sortedPolicies).Combine(hintNames), static (spc, all) =>
        {
            var (models, policies) = (all.Left.Left, all.Left.Right);
            if (models.Count > 0 || policies.Count > 0)
                AddSource(spc, Names.CatalogClass, () => (all.Right.For(CatalogKey, CatalogEmitter.HintName), CatalogEmitter.Emit(models, policies)));
        });

        // Diagnostics.
        context.RegisterSourceOutput(modelResults.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(familyResults.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(blockResults.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(policyResults.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(variantPlacement, static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(layerDensityPlacement, static (spc, d) => Report(spc, d));
        var crossChecks = modelResults.Collect().Combine(familyResults.Collect())
            .Combine(policyResults.Collect())
            .Select(static (all, _) => CrossChecks.Run(all.Left.Left.AddRange(all.Left.Right), all.Right))
            .WithTrackingName(TrackingNames.CrossChecks);
        context.RegisterSourceOutput(crossChecks, static (spc, d) => Report(spc, d));
    }

    private const string CatalogKey = "catalog";

    /// <summary>A model's hint-name request; a variant's key names its family too, as two families may generate one type name.</summary>
    private static HintRequest ModelRequest(ModelSpec model) =>
        new("model:" + model.Family + "|" + model.Type.FullyQualifiedName, ModelEmitter.HintName(model));

    private static void AddModel(SourceProductionContext context, ModelSpec model, EquatableArray<PolicySpec> policies, HintNames hintNames) =>
        AddSource(context, model.ModelName, () => (hintNames.For(ModelRequest(model).Key, ModelEmitter.HintName(model)), ModelEmitter.Emit(model, policies)));

    /// <summary>The declarations carrying <paramref name="attribute"/> (classes and records), each read by <paramref name="parse"/>.</summary>
    private static IncrementalValuesProvider<T> Declarations<T>(IncrementalGeneratorInitializationContext context, string attribute,
        Func<GeneratorAttributeSyntaxContext, CancellationToken, T> parse) =>
        context.SyntaxProvider.ForAttributeWithMetadataName(
            attribute,
            static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
            (ctx, ct) => parse(ctx, ct));

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics) context.ReportDiagnostic(diagnostic.ToDiagnostic());
    }

    /// <summary>Emits one file; an unexpected failure becomes SDSL0020 instead of an exception in the compiler.</summary>
    private static void AddSource(SourceProductionContext context, string subject, Func<(string HintName, string Text)> emit)
    {
        try
        {
            var (hintName, text) = emit();
            context.AddSource(hintName, SourceText.From(text, Encoding.UTF8));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, subject, DeclarationReader.FailureText(exception)));
        }
    }
}
