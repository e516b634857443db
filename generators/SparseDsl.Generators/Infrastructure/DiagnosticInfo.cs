using Microsoft.CodeAnalysis;

namespace SparseDsl.Generators.Infrastructure;

/// <summary>
/// A diagnostic kept as value-equal data until the diagnostics pipeline reports it. <see cref="Severity"/> overrides the
/// descriptor's default (a model-dependent policy problem is an error where the policy names the model).
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments,
    DiagnosticSeverity? Severity = null)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>(arguments));

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>(arguments), severity);

    public Diagnostic ToDiagnostic() =>
        Severity is { } severity && severity != Descriptor.DefaultSeverity
            ? Diagnostic.Create(Descriptor, Location?.ToLocation(), severity, null, null, Arguments.Cast<object>().ToArray())
            : Diagnostic.Create(Descriptor, Location?.ToLocation(), Arguments.Cast<object>().ToArray());
}
