using SparseDsl.Generators.Specs;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Emitting;

/// <summary>The per-layer code and documentation of a generated model.</summary>
internal static class LayerText
{
    /// <summary>One line for the docs, e.g. <c>conv1: Conv2d 1→6, kernel 5, stride 1, padding 2; [1, 28, 28] → [6, 28, 28]; 156 parameters, 117600 MACs</c>.</summary>
    public static string Describe(LayerSpec layer)
    {
        var text = layer.Name + ": " + Settings(layer) + "; " + Literals.Shape(layer.InputShape) + " → " + Literals.Shape(layer.OutputShape);
        if (layer.ParameterCount > 0) text += "; " + Literals.Long(layer.ParameterCount) + " parameters";
        if (layer.Macs > 0) text += ", " + Literals.Long(layer.Macs) + " MACs";
        return Literals.Xml(text);
    }

    private static string Settings(LayerSpec layer)
    {
        switch (layer.Kind)
        {
            case LayerKind.Conv2d:
                var conv = "Conv2d " + layer.InSize + "→" + layer.OutSize + ", kernel " + layer.Kernel + ", stride " + layer.Stride + ", padding " + layer.Padding;
                if (layer.Dilation != 1) conv += ", dilation " + layer.Dilation;
                if (layer.Groups != 1) conv += ", groups " + layer.Groups;
                return layer.Bias ? conv : conv + ", no bias";
            case LayerKind.Linear:
                var linear = "Linear " + layer.InSize + "→" + layer.OutSize;
                return layer.Bias ? linear : linear + ", no bias";
            case LayerKind.BatchNorm2d:
            case LayerKind.BatchNorm1d:
                return layer.Kind + " " + layer.InSize + ", eps " + Literals.Double(layer.Eps) + ", momentum " + Literals.Double(layer.Momentum);
            case LayerKind.MaxPool2d:
            case LayerKind.AvgPool2d:
                var pool = layer.Kind + " kernel " + layer.Kernel + ", stride " + layer.Stride;
                return layer.Padding > 0 ? pool + ", padding " + layer.Padding : pool;
            case LayerKind.Dropout:
                return "Dropout p " + Literals.Double(layer.P);
            case LayerKind.Residual:
                return "Residual: adds the shortcut";
            default:
                return layer.Kind.ToString();
        }
    }

    /// <summary><c>new(...)</c>, a target-typed <c>LayerInfo</c> for <c>ModelInfo.Layers</c>.</summary>
    public static string Info(LayerSpec layer) =>
        "new(" + Literals.String(layer.Name) + ", " + Names.LayerKind + "." + layer.Kind + ", "
        + Literals.LongArray(layer.InputShape) + ", " + Literals.LongArray(layer.OutputShape) + ", " + Literals.LongArray(layer.WeightShape) + ", "
        + Literals.Long(layer.ParameterCount) + ", " + Literals.Long(layer.Macs) + ", " + Literals.Bool(layer.Prunable) + ")";

    /// <summary>The field type of a layer with parameters.</summary>
    public static string ModuleType(LayerSpec layer) => layer.Kind switch
    {
        LayerKind.Conv2d => Names.MaskedConv2d,
        LayerKind.Linear => Names.MaskedLinear,
        LayerKind.BatchNorm2d => Names.BatchNorm2d,
        _ => Names.BatchNorm1d,
    };

    /// <summary>The constructor call of a layer with parameters.</summary>
    public static string Construction(LayerSpec layer) => layer.Kind switch
    {
        // (in, out, kernel, stride, padding, dilation, groups, bias)
        LayerKind.Conv2d => "new " + Names.MaskedConv2d + "(" + layer.InSize + ", " + layer.OutSize + ", " + layer.Kernel + ", " + layer.Stride + ", "
            + layer.Padding + ", " + layer.Dilation + ", " + layer.Groups + ", " + Literals.Bool(layer.Bias) + ")",
        // (in, out, bias)
        LayerKind.Linear => "new " + Names.MaskedLinear + "(" + layer.InSize + ", " + layer.OutSize + ", " + Literals.Bool(layer.Bias) + ")",
        // (features, eps, momentum)
        _ => "new " + ModuleType(layer) + "(" + layer.InSize + ", " + Literals.Double(layer.Eps) + ", " + Literals.Double(layer.Momentum) + ")",
    };
}
