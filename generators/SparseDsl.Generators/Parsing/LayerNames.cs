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
    /// <summary>Members of the generated module and its base classes a field must not hide.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "forward", "call", "name", "training", "train", "eval", "to", "zero_grad", "parameters", "named_parameters",
        "named_buffers", "named_children", "named_modules", "state_dict", "register_parameter", "register_buffer",
        "register_module", "Register", "Info", "Dispose", "x",
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
        _ => "layer",
    };

    /// <returns>False when a name is invalid or repeated (diagnostics added).</returns>
    public static bool Assign(string modelName, IReadOnlyList<LayerDeclaration> layers, List<DiagnosticInfo> diagnostics)
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
            var problem = Problem(layer.Name);
            if (problem != null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidLayerName, location, layer.Name, problem));
                valid = false;
            }
            else if (!seen.Add(layer.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateLayerName, location, modelName, layer.Name));
                valid = false;
            }
        }
        return valid;
    }

    private static string? Problem(string name)
    {
        if (!SyntaxFacts.IsValidIdentifier(name)) return "it is not a C# identifier";
        if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None) return "it is a C# keyword";
        if (Reserved.Contains(name)) return "it is a member of the generated module";
        return null;
    }
}
