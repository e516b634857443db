using SparseDsl.Generators.Infrastructure;

namespace SparseDsl.Generators.Specs;

/// <summary>A valid <c>[SparsityPolicy]</c> declaration.</summary>
internal sealed record PolicySpec(TypeTarget Type, string PolicyName, Allocation Allocation, double Density, double ClassifierDensity);

/// <summary>Outcome of reading one policy declaration; <see cref="Location"/> (the attribute) is where cross-model problems are reported.</summary>
internal sealed record PolicyResult(PolicySpec? Policy, LocationInfo? Location, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static PolicyResult Empty { get; } = new(null, null, EquatableArray<DiagnosticInfo>.Empty);
}
