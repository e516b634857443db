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

        // Sources.
        context.RegisterSourceOutput(models.Combine(sortedPolicies), static (spc, pair) =>
            AddSource(spc, pair.Left.ModelName, () => (ModelEmitter.HintName(pair.Left), ModelEmitter.Emit(pair.Left, pair.Right))));
        context.RegisterSourceOutput(variants.Combine(sortedPolicies), static (spc, pair) =>
            AddSource(spc, pair.Left.ModelName, () => (ModelEmitter.HintName(pair.Left), ModelEmitter.Emit(pair.Left, pair.Right))));
        context.RegisterSourceOutput(families, static (spc, family) =>
            AddSource(spc, family.Type.Name, () => (FamilyEmitter.HintName(family), FamilyEmitter.Emit(family))));
        context.RegisterSourceOutput(blocks, static (spc, block) =>
            AddSource(spc, block.Type.Name, () => (BlockEmitter.HintName(block), BlockEmitter.Emit(block))));
        context.RegisterSourceOutput(policies, static (spc, policy) =>
            AddSource(spc, policy.PolicyName, () => (PolicyEmitter.HintName(policy), PolicyEmitter.Emit(policy))));
        context.RegisterSourceOutput(sortedModels.Combine(sortedPolicies), static (spc, pair) =>
        {
            if (pair.Left.Count > 0 || pair.Right.Count > 0)
                AddSource(spc, Names.CatalogClass, () => (CatalogEmitter.HintName, CatalogEmitter.Emit(pair.Left, pair.Right)));
        });

        // Diagnostics.
        context.RegisterSourceOutput(modelResults.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(familyResults.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(blockResults.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(policyResults.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(variantPlacement, static (spc, d) => Report(spc, d));
        var crossChecks = modelResults.Collect().Combine(familyResults.Collect())
            .Combine(policyResults.Collect())
            .Select(static (all, _) => CrossChecks.Run(all.Left.Left.AddRange(all.Left.Right), all.Right))
            .WithTrackingName(TrackingNames.CrossChecks);
        context.RegisterSourceOutput(crossChecks, static (spc, d) => Report(spc, d));
    }

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
