using System.Collections.Immutable;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;
using SparseDsl.Sparsity;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Checks that need every declaration of the compilation: unique model and policy names, and every policy's budget
/// against every model. Results are sorted so the reported order does not depend on pipeline order.
/// </summary>
internal static class CrossChecks
{
    public static EquatableArray<DiagnosticInfo> Run(ImmutableArray<ModelResult> models, ImmutableArray<PolicyResult> policies)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            DuplicateModelNames(models, diagnostics);
            DuplicatePolicyNames(policies, diagnostics);
            Feasibility(models, policies, diagnostics);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, null, "the cross-declaration checks",
                DeclarationReader.FailureText(exception)));
        }
        return diagnostics.ToEquatableArray();
    }

    private static void DuplicateModelNames(ImmutableArray<ModelResult> models, List<DiagnosticInfo> diagnostics)
    {
        var claims = models.SelectMany(m => m.NameClaims).OrderBy(c => c.Owner, StringComparer.Ordinal).ToList();
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var claim in claims)
        {
            if (!owners.TryGetValue(claim.Name, out var owner))
                owners[claim.Name] = claim.Owner;
            else if (owner != claim.Owner)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateModelName, claim.Location, claim.Name, claim.Owner, owner));
        }
    }

    private static void DuplicatePolicyNames(ImmutableArray<PolicyResult> policies, List<DiagnosticInfo> diagnostics)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var result in Valid(policies))
        {
            var policy = result.Policy!;
            if (!owners.TryGetValue(policy.PolicyName, out var owner))
                owners[policy.PolicyName] = policy.Type.Name;
            else
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicatePolicyName, result.Location,
                    policy.PolicyName, policy.Type.Name, owner));
        }
    }

    private static void Feasibility(ImmutableArray<ModelResult> models, ImmutableArray<PolicyResult> policies, List<DiagnosticInfo> diagnostics)
    {
        var validModels = models.SelectMany(m => m.Models).OrderBy(m => m.Type.FullyQualifiedName, StringComparer.Ordinal).ToList();
        foreach (var result in Valid(policies))
        {
            var policy = result.Policy!;
            foreach (var model in validModels)
            {
                var allocation = DensityAllocator.Allocate(policy.Allocation, model.PrunableWeightShapes(), policy.Density, policy.ClassifierDensity);
                if (!allocation.Succeeded)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PolicyInfeasible, result.Location,
                        policy.PolicyName, model.ModelName, allocation.Error!));
            }
        }
    }

    private static IEnumerable<PolicyResult> Valid(ImmutableArray<PolicyResult> policies) =>
        policies.Where(p => p.Policy != null).OrderBy(p => p.Policy!.Type.FullyQualifiedName, StringComparer.Ordinal);
}
