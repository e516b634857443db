namespace SparseDsl.Generators;

/// <summary>Names of the pipeline steps, for incrementality tests (<c>TrackIncrementalGeneratorSteps</c>).</summary>
public static class TrackingNames
{
    public const string ModelResults = "SparseDsl.ModelResults";
    public const string FamilyResults = "SparseDsl.FamilyResults";
    public const string BlockResults = "SparseDsl.BlockResults";
    public const string VariantPlacement = "SparseDsl.VariantPlacement";
    public const string PolicyResults = "SparseDsl.PolicyResults";
    public const string Models = "SparseDsl.Models";
    public const string Variants = "SparseDsl.Variants";
    public const string Families = "SparseDsl.Families";
    public const string Blocks = "SparseDsl.Blocks";
    public const string Policies = "SparseDsl.Policies";
    public const string CrossChecks = "SparseDsl.CrossChecks";
    public const string HintNames = "SparseDsl.HintNames";

    /// <summary>Every step above, for tests that check them all.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ModelResults, FamilyResults, BlockResults, VariantPlacement, PolicyResults, Models, Variants, Families, Blocks, Policies, CrossChecks, HintNames,
    ];
}
