using Microsoft.CodeAnalysis;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>Metadata names of the declaration attributes (src/SparseDsl/Declarations).</summary>
internal static class WellKnownNames
{
    public const string AttributeNamespace = "SparseDsl";
    public const string SparseModelAttribute = "SparseDsl.SparseModelAttribute";
    public const string SparsityPolicyAttribute = "SparseDsl.SparsityPolicyAttribute";

    /// <summary>The layer kind an attribute class declares, or null when it is not a layer attribute.</summary>
    public static LayerKind? LayerKindOf(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass?.ContainingNamespace is not { Name: AttributeNamespace } ns || !ns.ContainingNamespace.IsGlobalNamespace)
            return null;
        return attributeClass.Name switch
        {
            "Conv2dAttribute" => LayerKind.Conv2d,
            "LinearAttribute" => LayerKind.Linear,
            "BatchNorm2dAttribute" => LayerKind.BatchNorm2d,
            "BatchNorm1dAttribute" => LayerKind.BatchNorm1d,
            "ReLUAttribute" => LayerKind.ReLU,
            "MaxPool2dAttribute" => LayerKind.MaxPool2d,
            "AvgPool2dAttribute" => LayerKind.AvgPool2d,
            "GlobalAvgPoolAttribute" => LayerKind.GlobalAvgPool,
            "FlattenAttribute" => LayerKind.Flatten,
            "DropoutAttribute" => LayerKind.Dropout,
            _ => null,
        };
    }

    public static bool IsAttribute(INamedTypeSymbol? attributeClass, string metadataName) =>
        attributeClass != null && attributeClass.ToDisplayString() == metadataName;
}
