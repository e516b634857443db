using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;
using SparseDsl.Sparsity;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Reads a policy's layer rules (<c>KeepDense</c>, then every <c>[LayerDensity]</c>) and its <c>Models</c>, reporting what
/// is wrong whatever the model: empty selectors, densities outside (0, 1], one selector given two densities, rules on an
/// allocation that takes none. Problems that depend on the model are checked against each model (CrossChecks).
/// </summary>
internal static class PolicyRuleReader
{
    public const string LayerDensityAttributeName = "LayerDensityAttribute";

    private const string SelectorChoices = "a layer name, a kind (Conv2d, Linear), 'first' or 'classifier'";

    public static List<RuleSpec> Read(INamedTypeSymbol symbol, AttributeArguments policy, string policyName, Allocation allocation,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken, out List<LocationInfo> locations)
    {
        var rules = new List<RuleSpec>();
        locations = new List<LocationInfo>();
        var fallback = policy.AttributeLocation!;

        var keepDense = policy.NamedArray<string?>("KeepDense") ?? new string?[0];
        for (var i = 0; i < keepDense.Count; i++)
        {
            var location = policy.NamedArrayElementLocation("KeepDense", i) ?? fallback;
            if (string.IsNullOrWhiteSpace(keepDense[i]))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, location,
                    "KeepDense element " + i, policyName, "empty", SelectorChoices));
                continue;
            }
            // Trimmed as the runtime's LayerRules trims keep-dense selectors.
            rules.Add(new RuleSpec(keepDense[i]!.Trim(), 1.0, true));
            locations.Add(location);
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (!WellKnownNames.IsDslAttribute(attribute.AttributeClass, LayerDensityAttributeName)
                || attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
                continue;
            var arguments = new AttributeArguments(attribute, syntax);
            if (arguments.HasErrors) continue;
            var selector = arguments.Positional<string?>(0, null);
            var density = arguments.Positional(1, double.NaN);
            var location = arguments.PositionalLocation(0) ?? fallback;
            if (string.IsNullOrWhiteSpace(selector))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, location,
                    "The selector of [LayerDensity]", policyName, "empty", SelectorChoices));
                continue;
            }
            if (!DensityAllocator.IsDensity(density))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DensityOutOfRange, arguments.PositionalLocation(1) ?? fallback,
                    "LayerDensity '" + selector + "'", policyName, Literals.Double(density)));
                continue;
            }
            rules.Add(new RuleSpec(selector!, density, false));
            locations.Add(location);
        }

        // One selector at two densities conflicts on every model: an error here, whatever Models says.
        for (var i = 0; i < rules.Count; i++)
            for (var j = 0; j < i; j++)
                if (rules[j].Selector == rules[i].Selector && rules[j].Density != rules[i].Density)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingLayerRules, DiagnosticSeverity.Error, locations[i],
                        policyName, "the layers of '" + rules[i].Selector + "'",
                        Literals.Double(rules[j].Density) + " from " + Describe(rules[j]) + " and " + Literals.Double(rules[i].Density) + " from " + Describe(rules[i]),
                        ""));
                    break;
                }

        if (rules.Count > 0 && allocation is Allocation.Dense or Allocation.UniformPlus or Allocation.ErkPlus)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, locations[0],
                "Layer rule " + Describe(rules[0]), "Allocation." + allocation,
                allocation == Allocation.Dense
                    ? "Dense keeps every layer dense; remove the rules or use Uniform, Er, Erk or Explicit"
                    : allocation + " fixes its own layers; use Uniform, Er, Erk or Explicit with KeepDense and [LayerDensity]"));
        return rules;
    }

    public static List<string> ReadModels(AttributeArguments policy, string policyName, List<DiagnosticInfo> diagnostics, out List<LocationInfo> locations)
    {
        var models = new List<string>();
        locations = new List<LocationInfo>();
        var names = policy.NamedArray<string?>("Models") ?? new string?[0];
        for (var i = 0; i < names.Count; i++)
        {
            var location = policy.NamedArrayElementLocation("Models", i) ?? policy.AttributeLocation!;
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, location,
                    "Models element " + i, policyName, "empty", "a model's name or alias"));
                continue;
            }
            models.Add(names[i]!.Trim());
            locations.Add(location);
        }
        return models;
    }

    /// <summary>As the shared <see cref="LayerRule.Description"/> names a rule in messages.</summary>
    public static string Describe(RuleSpec rule) => new LayerRule(rule.Selector, rule.Density, rule.KeepDense).Description;
}
