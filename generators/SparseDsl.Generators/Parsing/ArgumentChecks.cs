using System.Globalization;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Checks of a layer's own arguments, independent of its input: sizes, ranges, and whether the layer and its
/// properties may appear where it is written (a model's sequence or a block's).
/// </summary>
internal static class ArgumentChecks
{
    /// <returns>False when a diagnostic was added.</returns>
    public static bool Check(LayerDeclaration layer, bool inBlock, List<DiagnosticInfo> diagnostics)
    {
        var count = diagnostics.Count;
        CheckPlacement(layer, inBlock, diagnostics);
        var a = layer.Arguments;
        switch (layer.Kind)
        {
            case LayerKind.Conv2d:
                Positive(layer, "OutChannels", layer.Size, a.PositionalLocation(0), diagnostics);
                Positive(layer, "Kernel", layer.Kernel, a.PositionalLocation(1), diagnostics);
                Positive(layer, "Stride", layer.Stride, a.NamedLocation("Stride"), diagnostics);
                NotNegative(layer, "Padding", layer.Padding, a.NamedLocation("Padding"), diagnostics);
                Positive(layer, "Dilation", layer.Dilation, a.NamedLocation("Dilation"), diagnostics);
                Positive(layer, "Groups", layer.Groups, a.NamedLocation("Groups"), diagnostics);
                NotNegative(layer, "In", layer.In, a.NamedLocation("In"), diagnostics, "0 (inferred) or positive");
                break;
            case LayerKind.Linear:
                Positive(layer, "OutFeatures", layer.Size, a.PositionalLocation(0), diagnostics);
                NotNegative(layer, "In", layer.In, a.NamedLocation("In"), diagnostics, "0 (inferred) or positive");
                break;
            case LayerKind.MaxPool2d:
            case LayerKind.AvgPool2d:
                Positive(layer, "Kernel", layer.Kernel, a.PositionalLocation(0), diagnostics);
                NotNegative(layer, "Stride", layer.Stride, a.NamedLocation("Stride"), diagnostics, "0 (the kernel size) or positive");
                NotNegative(layer, "Padding", layer.Padding, a.NamedLocation("Padding"), diagnostics);
                if (layer.Kernel > 0 && layer.Padding > layer.Kernel / 2)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, a.NamedLocation("Padding"),
                        "Padding", layer.Name, Text(layer.Padding), "at most half the kernel (" + Text(layer.Kernel / 2) + ")"));
                break;
            case LayerKind.BatchNorm2d:
            case LayerKind.BatchNorm1d:
                if (!(layer.Eps > 0))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, a.NamedLocation("Eps"),
                        "Eps", layer.Name, Literals.Double(layer.Eps), "positive"));
                if (!(layer.Momentum >= 0 && layer.Momentum <= 1))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, a.NamedLocation("Momentum"),
                        "Momentum", layer.Name, Literals.Double(layer.Momentum), "between 0 and 1"));
                break;
            case LayerKind.Dropout:
                if (!(layer.P >= 0 && layer.P < 1))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, a.PositionalLocation(0),
                        "P", layer.Name, Literals.Double(layer.P), "in [0, 1)"));
                break;
            case LayerKind.Residual:
                if (!Enum.IsDefined(typeof(ShortcutKind), layer.Shortcut))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, a.PositionalLocation(0),
                        "Shortcut", layer.Name, Text((long)layer.Shortcut), "Shortcut.Identity, Shortcut.Conv or Shortcut.ConvBatchNorm"));
                else if (layer.Shortcut == ShortcutKind.Identity && layer.ProjectPreActivated)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, a.NamedLocation("ProjectPreActivated"),
                        "ProjectPreActivated", "Shortcut.Identity, which never projects", "remove ProjectPreActivated or choose Shortcut.Conv or Shortcut.ConvBatchNorm"));
                break;
        }
        return diagnostics.Count == count;
    }

    private static void CheckPlacement(LayerDeclaration layer, bool inBlock, List<DiagnosticInfo> diagnostics)
    {
        var a = layer.Arguments;
        if (inBlock)
        {
            if (layer.Kind is LayerKind.Linear or LayerKind.BatchNorm1d or LayerKind.Flatten or LayerKind.GlobalAvgPool)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAllowedHere, a.AttributeLocation,
                    "[" + a.Name + "]", "in a block", "blocks work on [C, H, W] inputs; put flat layers in the model after its stages"));
            if (a.HasNamed("In"))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAllowedHere, a.NamedLocation("In"),
                    "In", "in a block", "a block's input comes from its stage; remove In"));
            if (layer.Strided && a.HasNamed("Stride"))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingAttributes, a.NamedLocation("Stride"),
                    "Stride", "Strided = true, which takes the stage's stride", "remove one of them"));
        }
        else
        {
            if (layer.Kind == LayerKind.Residual)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAllowedHere, a.AttributeLocation,
                    "[Residual]", "outside a block", "declare the layers it spans as a [Block] and use it in a [Stage]"));
            if (layer.Strided)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAllowedHere, a.NamedLocation("Strided"),
                    "Strided", "outside a block", "set Stride instead"));
        }
    }

    private static void Positive(LayerDeclaration layer, string what, int value, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (value <= 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, location, what, layer.Name, Text(value), "positive"));
    }

    private static void NotNegative(LayerDeclaration layer, string what, int value, LocationInfo? location, List<DiagnosticInfo> diagnostics,
        string requirement = "0 or positive")
    {
        if (value < 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, location, what, layer.Name, Text(value), requirement));
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
