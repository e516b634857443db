using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;
using SparseDsl.Sparsity;

namespace SparseDsl.Generators.Parsing;

/// <summary>Turns one <c>[SparsityPolicy]</c> declaration into a value-equal <see cref="PolicyResult"/>; never throws.</summary>
internal static class PolicyParser
{
    public static PolicyResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        // The attributes target classes only; on a struct the compiler already reports CS0592.
        if (context.TargetNode is not TypeDeclarationSyntax syntax || context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } symbol)
            return PolicyResult.Empty;
        try
        {
            return Parse(syntax, symbol, context.Attributes[0], cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, LocationInfo.From(syntax.Identifier),
                symbol.Name, DeclarationReader.FailureText(exception));
            return new PolicyResult(null, null, new EquatableArray<DiagnosticInfo>(new[] { failure }));
        }
    }

    private static PolicyResult Parse(TypeDeclarationSyntax syntax, INamedTypeSymbol symbol, AttributeData attribute, CancellationToken cancellationToken)
    {
        if (!DeclarationReader.IsFirstApplication(symbol, attribute) || attribute.ApplicationSyntaxReference == null)
            return PolicyResult.Empty;
        var arguments = new AttributeArguments(attribute, (AttributeSyntax)attribute.ApplicationSyntaxReference.GetSyntax(cancellationToken));
        if (arguments.HasErrors) return PolicyResult.Empty;

        var diagnostics = new List<DiagnosticInfo>();
        var target = DeclarationReader.Read(symbol, syntax, diagnostics);
        var name = arguments.Named<string?>("Name", null);
        var policyName = string.IsNullOrWhiteSpace(name) ? symbol.Name : name!;

        var allocationValue = arguments.Positional(0, -1);
        var allocation = (Allocation)allocationValue;
        if (!Enum.IsDefined(typeof(Allocation), allocation))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownAllocation, arguments.PositionalLocation(0),
                policyName, Literals.Long(allocationValue)));

        var density = arguments.Positional(1, 1.0);
        if (allocation == Allocation.Explicit && density != 1.0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, arguments.PositionalLocation(1),
                "Density " + Literals.Double(density), "Allocation.Explicit",
                "an explicit policy takes every layer's density from [LayerDensity] and KeepDense; remove the density argument"));
        else if (!DensityAllocator.IsDensity(density))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DensityOutOfRange, arguments.PositionalLocation(1),
                "Density", policyName, Literals.Double(density)));
        else if (allocation == Allocation.Dense && density != 1.0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DenseDensityIgnored, arguments.PositionalLocation(1),
                policyName, Literals.Double(density)));

        var classifierDensity = arguments.Named("ClassifierDensity", 1.0);
        if (!DensityAllocator.IsDensity(classifierDensity))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DensityOutOfRange, arguments.NamedLocation("ClassifierDensity"),
                "ClassifierDensity", policyName, Literals.Double(classifierDensity)));

        var rules = PolicyRuleReader.Read(symbol, arguments, policyName, allocation, diagnostics, cancellationToken, out var ruleLocations);
        var models = PolicyRuleReader.ReadModels(arguments, policyName, diagnostics, out var modelLocations);

        var hasErrors = diagnostics.Any(d => (d.Severity ?? d.Descriptor.DefaultSeverity) == DiagnosticSeverity.Error);
        var fixedDensity = allocation is Allocation.Dense or Allocation.Explicit ? 1.0 : density;
        var policy = target != null && !hasErrors
            ? new PolicySpec(target, policyName, allocation, fixedDensity, classifierDensity, rules.ToEquatableArray(), models.ToEquatableArray())
            : null;
        return new PolicyResult(policy, arguments.AttributeLocation, diagnostics.ToEquatableArray())
        {
            DensityLocation = arguments.PositionalLocation(1),
            RuleLocations = ruleLocations.ToEquatableArray(),
            ModelLocations = modelLocations.ToEquatableArray(),
        };
    }
}
