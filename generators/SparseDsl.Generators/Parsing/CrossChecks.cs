using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SparseDsl.Generators.Emitting;
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

    /// <summary>
    /// Every policy against every model it applies to, with the shared allocation code the tables are made from. A
    /// problem on a model the policy names in Models is an error; on a model it reaches by naming none, a warning (that
    /// model's table is left out, see ModelEmitter).
    /// </summary>
    private static void Feasibility(ImmutableArray<ModelResult> models, ImmutableArray<PolicyResult> policies, List<DiagnosticInfo> diagnostics)
    {
        var validModels = models.SelectMany(m => m.Models).OrderBy(m => m.Type.FullyQualifiedName, StringComparer.Ordinal).ToList();
        foreach (var result in Valid(policies))
        {
            var policy = result.Policy!;
            for (var i = 0; i < policy.Models.Count; i++)
                if (!validModels.Any(m => m.Matches(policy.Models[i])))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownPolicyModel, result.ModelLocations[i],
                        policy.PolicyName, policy.Models[i], string.Join(", ", validModels.Select(m => m.Aliases.Count > 0 ? m.Aliases[0] : m.ModelName))));
            foreach (var model in validModels.Where(policy.AppliesTo))
            {
                var allocation = policy.Allocate(model);
                if (!allocation.Succeeded) diagnostics.Add(Problem(result, model, allocation));
            }
        }
    }

    private static DiagnosticInfo Problem(PolicyResult result, ModelSpec model, RuleAllocationResult allocation)
    {
        var policy = result.Policy!;
        var named = policy.Names(model);
        var severity = named ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        var consequence = named
            ? " (the policy names '" + model.ModelName + "' in Models, so it must fit it)"
            : "; its density table is left out of '" + model.ModelName + ".DensityTables' (name the model in Models to make this an error, or leave it out)";
        var ruleLocation = allocation.RuleIndex >= 0 ? result.RuleLocations[allocation.RuleIndex] : result.Location;
        var error = allocation.Error!.TrimEnd('.');
        switch (allocation.Problem)
        {
            case RuleProblem.SelectsNothing:
                return DiagnosticInfo.Create(DiagnosticDescriptors.LayerSelectorMatchesNothing, severity, ruleLocation, policy.PolicyName, model.ModelName, error, consequence);
            case RuleProblem.Conflict:
                return DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingLayerRules, severity, ruleLocation, policy.PolicyName,
                    "a layer of model '" + model.ModelName + "'", error, consequence);
            case RuleProblem.Unassigned:
                var names = model.PrunableLayerNames();
                RuleAllocator.Resolve(names, model.Layers.Where(l => l.Prunable).Select(l => l.Kind).ToArray(), policy.LayerRules(), out var given);
                var unassigned = names.Where((_, i) => given[i] == null);
                return DiagnosticInfo.Create(DiagnosticDescriptors.ExplicitLayersUnassigned, severity, result.Location, policy.PolicyName,
                    "layers " + string.Join(", ", unassigned), model.ModelName, consequence);
            default:
                if (policy.Rules.Count == 0)
                    return DiagnosticInfo.Create(DiagnosticDescriptors.PolicyInfeasible, severity, result.Location, policy.PolicyName, model.ModelName, error);
                return DiagnosticInfo.Create(DiagnosticDescriptors.FixedLayersExceedBudget, severity, result.DensityLocation ?? result.Location,
                    policy.PolicyName, Literals.Double(policy.Density), model.ModelName, error, consequence);
        }
    }

    private static IEnumerable<PolicyResult> Valid(ImmutableArray<PolicyResult> policies) =>
        policies.Where(p => p.Policy != null).OrderBy(p => p.Policy!.Type.FullyQualifiedName, StringComparer.Ordinal);
}
