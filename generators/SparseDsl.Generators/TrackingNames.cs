namespace SparseDsl.Generators;

/// <summary>Names of the pipeline steps, for incrementality tests (<c>TrackIncrementalGeneratorSteps</c>).</summary>
public static class TrackingNames
{
    public const string ModelResults = "SparseDsl.ModelResults";
    public const string PolicyResults = "SparseDsl.PolicyResults";
    public const string Models = "SparseDsl.Models";
    public const string Policies = "SparseDsl.Policies";
    public const string CrossChecks = "SparseDsl.CrossChecks";
}
