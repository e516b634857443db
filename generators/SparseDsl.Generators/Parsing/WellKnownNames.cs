using Microsoft.CodeAnalysis;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>Metadata names of the declaration attributes (src/SparseDsl/Declarations).</summary>
internal static class WellKnownNames
{
    public const string AttributeNamespace = "SparseDsl";
    public const string SparseModelAttribute = "SparseDsl.SparseModelAttribute";
    public const string ModelFamilyAttribute = "SparseDsl.ModelFamilyAttribute";
    public const string BlockAttribute = "SparseDsl.BlockAttribute";
    public const string SparsityPolicyAttribute = "SparseDsl.SparsityPolicyAttribute";
    public const string StageAttributeName = "StageAttribute";
    public const string VariantAttributeName = "VariantAttribute";

    /// <summary>The layer kind an attribute class declares, or null when it is not a layer attribute.</summary>
    public static LayerKind? LayerKindOf(INamedTypeSymbol? attributeClass)
    {
        if (!InAttributeNamespace(attributeClass)) return null;
        return attributeClass!.Name switch
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
            "ResidualAttribute" => LayerKind.Residual,
            _ => null,
        };
    }

    /// <summary>True for an attribute class of the SparseDsl namespace named <paramref name="name"/>.</summary>
    public static bool IsDslAttribute(INamedTypeSymbol? attributeClass, string name) =>
        InAttributeNamespace(attributeClass) && attributeClass!.Name == name;

    /// <summary>True when <paramref name="symbol"/> carries the attribute with full name <paramref name="metadataName"/>.</summary>
    public static bool Has(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Any(a => IsAttribute(a.AttributeClass, metadataName));

    public static bool IsAttribute(INamedTypeSymbol? attributeClass, string metadataName) =>
        attributeClass != null && attributeClass.ToDisplayString() == metadataName;

    private static bool InAttributeNamespace(INamedTypeSymbol? attributeClass) =>
        attributeClass?.ContainingNamespace is { Name: AttributeNamespace } ns && ns.ContainingNamespace.IsGlobalNamespace;
}
