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
/// Generates the members of <c>[SparseModel]</c> and <c>[SparsityPolicy]</c> declarations and the catalog of both.
/// Declarations are read into value-equal specs (syntax and symbols never leave the transforms); sources are produced
/// from the specs alone and diagnostics travel a separate pipeline, so editing unrelated code re-runs nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SparseModelGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var modelResults = context.SyntaxProvider.ForAttributeWithMetadataName(
                WellKnownNames.SparseModelAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => ModelParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.ModelResults);

        var policyResults = context.SyntaxProvider.ForAttributeWithMetadataName(
                WellKnownNames.SparsityPolicyAttribute,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => PolicyParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.PolicyResults);

        var models = modelResults
            .Select(static (r, _) => r.Model)
            .Where(static m => m != null)
            .Select(static (m, _) => m!)
            .WithTrackingName(TrackingNames.Models);

        var policies = policyResults
            .Select(static (r, _) => r.Policy)
            .Where(static p => p != null)
            .Select(static (p, _) => p!);

        var sortedPolicies = policies.Collect()
            .Select(static (all, _) => all
                .OrderBy(p => p.PolicyName, StringComparer.Ordinal)
                .ThenBy(p => p.Type.FullyQualifiedName, StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.Policies);

        var sortedModels = models.Collect()
            .Select(static (all, _) => all
                .OrderBy(m => m.ModelName, StringComparer.Ordinal)
                .ThenBy(m => m.Type.FullyQualifiedName, StringComparer.Ordinal)
                .ToEquatableArray());

        // Sources.
        context.RegisterSourceOutput(models.Combine(sortedPolicies), static (spc, pair) =>
            AddSource(spc, pair.Left.ModelName, () => (ModelEmitter.HintName(pair.Left), ModelEmitter.Emit(pair.Left, pair.Right))));
        context.RegisterSourceOutput(policies, static (spc, policy) =>
            AddSource(spc, policy.PolicyName, () => (PolicyEmitter.HintName(policy), PolicyEmitter.Emit(policy))));
        context.RegisterSourceOutput(sortedModels.Combine(sortedPolicies), static (spc, pair) =>
        {
            if (pair.Left.Count > 0 || pair.Right.Count > 0)
                AddSource(spc, Names.CatalogClass, () => (CatalogEmitter.HintName, CatalogEmitter.Emit(pair.Left, pair.Right)));
        });

        // Diagnostics.
        context.RegisterSourceOutput(modelResults.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        context.RegisterSourceOutput(policyResults.Select(static (r, _) => r.Diagnostics), static (spc, d) => Report(spc, d));
        var crossChecks = modelResults.Collect()
            .Combine(policyResults.Collect())
            .Select(static (pair, _) => CrossChecks.Run(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.CrossChecks);
        context.RegisterSourceOutput(crossChecks, static (spc, d) => Report(spc, d));
    }

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
