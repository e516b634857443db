using Microsoft.CodeAnalysis.CSharp;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Gives every layer its name (explicit, or <c>conv1</c>, <c>fc1</c>, <c>bn1</c>… counted per kind) and checks that
/// names are unique identifiers that can become fields of the generated module.
/// </summary>
internal static class LayerNames
{
    /// <summary>Members of the generated modules and their base classes a field must not hide.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "forward", "call", "name", "training", "train", "eval", "to", "zero_grad", "parameters", "named_parameters",
        "named_buffers", "named_children", "named_modules", "state_dict", "register_parameter", "register_buffer",
        "register_module", "Register", "Info", "Dispose", "x", "input", "MaskedLayers",
    };

    /// <summary>Names the generated model module uses for its stages.</summary>
    private static readonly HashSet<string> ReservedInModels = new(StringComparer.Ordinal) { "stages" };

    /// <summary>Names the generated block module uses for its own members and constructor parameters.</summary>
    private static readonly HashSet<string> ReservedInBlocks = new(StringComparer.Ordinal)
    {
        "shortcut", "preActivated", "in_channels", "channels", "stride", "Scaled",
    };

    public static string DefaultPrefix(LayerKind kind) => kind switch
    {
        LayerKind.Conv2d => "conv",
        LayerKind.Linear => "fc",
        LayerKind.BatchNorm2d or LayerKind.BatchNorm1d => "bn",
        LayerKind.ReLU => "relu",
        LayerKind.MaxPool2d => "maxpool",
        LayerKind.AvgPool2d => "avgpool",
        LayerKind.GlobalAvgPool => "gap",
        LayerKind.Flatten => "flatten",
        LayerKind.Dropout => "dropout",
        LayerKind.Residual => "residual",
        _ => "layer",
    };

    /// <param name="inBlock">True for the layers of a <c>[Block]</c>, false for a model's own layers.</param>
    /// <returns>False when a name is invalid or repeated (diagnostics added).</returns>
    public static bool Assign(string ownerName, IReadOnlyList<LayerDeclaration> layers, bool inBlock, List<DiagnosticInfo> diagnostics)
    {
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = true;
        foreach (var layer in layers)
        {
            var prefix = DefaultPrefix(layer.Kind);
            counters.TryGetValue(prefix, out var count);
            counters[prefix] = ++count;
            layer.Name = layer.ExplicitName ?? prefix + count.ToString(System.Globalization.CultureInfo.InvariantCulture);

            var location = layer.ExplicitName != null ? layer.Arguments.NamedLocation("Name") : layer.Arguments.AttributeLocation;
            var problem = Problem(layer.Name, inBlock);
            if (problem != null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLayerName, location, layer.Name, problem));
                valid = false;
            }
            else if (!seen.Add(layer.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateLayerName, location, ownerName, layer.Name));
                valid = false;
            }
        }
        return valid;
    }

    private static string? Problem(string name, bool inBlock)
    {
        if (!SyntaxFacts.IsValidIdentifier(name)) return "it is not a C# identifier";
        if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None) return "it is a C# keyword";
        if (Reserved.Contains(name)) return "it is a member of the generated module";
        if (inBlock && ReservedInBlocks.Contains(name)) return "the generated block module uses it";
        if (!inBlock && (ReservedInModels.Contains(name) || IsStageField(name))) return "the generated model module uses it for its stages";
        return null;
    }

    /// <summary><c>stage0</c>, <c>stage1</c>…: the fields of a model's stages.</summary>
    public static bool IsStageField(string name) =>
        name.Length > 5 && name.StartsWith("stage", StringComparison.Ordinal) && name.Skip(5).All(c => c is >= '0' and <= '9');
}
