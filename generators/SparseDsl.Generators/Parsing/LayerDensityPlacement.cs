using Microsoft.CodeAnalysis;
using SparseDsl.Generators.Infrastructure;

namespace SparseDsl.Generators.Parsing;

/// <summary>SDSL0024 for <c>[LayerDensity]</c> on a type without <c>[SparsityPolicy]</c>, where nothing would read it.</summary>
internal static class LayerDensityPlacement
{
    public const string AttributeMetadataName = WellKnownNames.AttributeNamespace + "." + PolicyRuleReader.LayerDensityAttributeName;

    public static EquatableArray<DiagnosticInfo> Check(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol symbol || WellKnownNames.Has(symbol, WellKnownNames.SparsityPolicyAttribute))
            return EquatableArray<DiagnosticInfo>.Empty;
        return context.Attributes
            .Select(a => DiagnosticInfo.Create(DiagnosticDescriptors.NotAllowedHere,
                LocationInfo.From(a.ApplicationSyntaxReference?.GetSyntax(cancellationToken)),
                "[LayerDensity]", "on '" + symbol.Name + "', which has no [SparsityPolicy]",
                "add [SparsityPolicy(Allocation.Erk, 0.1)] (or another allocation) to make it a policy, or remove the attribute"))
            .ToEquatableArray();
    }
}
