using System.Globalization;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Walks the layers from the input shape, inferring each layer's input size, output shape, weight shape, parameter
/// count and MACs per sample. Per-layer argument checks cover every layer; shape checks stop at the first layer
/// whose input is wrong (later shapes would only repeat that error).
/// </summary>
internal static class ShapeInference
{
    /// <returns>The inferred layers, or null when any diagnostic was added.</returns>
    public static LayerSpec[]? Run(long[] inputShape, IReadOnlyList<LayerDeclaration> layers, List<DiagnosticInfo> diagnostics)
    {
        var errorsBefore = diagnostics.Count;
        var specs = new List<LayerSpec>();
        long[]? shape = inputShape;
        foreach (var layer in layers)
        {
            if (!CheckArguments(layer, diagnostics))
            {
                shape = null;
                continue;
            }
            if (shape == null) continue;
            var spec = Infer(layer, shape, diagnostics);
            if (spec == null)
            {
                shape = null;
                continue;
            }
            specs.Add(spec);
            shape = spec.OutputShape.ToArray();
        }
        return diagnostics.Count == errorsBefore ? specs.ToArray() : null;
    }

    private static bool CheckArguments(LayerDeclaration layer, List<DiagnosticInfo> diagnostics)
    {
        var count = diagnostics.Count;
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
        }
        return diagnostics.Count == count;
    }

    private static LayerSpec? Infer(LayerDeclaration layer, long[] shape, List<DiagnosticInfo> diagnostics)
    {
        switch (layer.Kind)
        {
            case LayerKind.Conv2d: return Conv2d(layer, shape, diagnostics);
            case LayerKind.Linear: return Linear(layer, shape, diagnostics);
            case LayerKind.BatchNorm2d:
                if (!RequireSpatial(layer, shape, diagnostics)) return null;
                return Make(layer, shape, shape, new[] { shape[0] }, 2 * shape[0], 0, inSize: (int)shape[0]);
            case LayerKind.BatchNorm1d:
                if (!RequireFlat(layer, shape, diagnostics)) return null;
                return Make(layer, shape, shape, new[] { shape[0] }, 2 * shape[0], 0, inSize: (int)shape[0]);
            case LayerKind.MaxPool2d:
            case LayerKind.AvgPool2d:
                return Pool(layer, shape, diagnostics);
            case LayerKind.GlobalAvgPool:
                if (!RequireSpatial(layer, shape, diagnostics)) return null;
                return Make(layer, shape, new[] { shape[0] }, new long[0], 0, 0);
            case LayerKind.Flatten:
                return Make(layer, shape, new[] { Product(shape) }, new long[0], 0, 0);
            default: // ReLU, Dropout: shape preserving
                return Make(layer, shape, shape, new long[0], 0, 0);
        }
    }

    private static LayerSpec? Conv2d(LayerDeclaration layer, long[] shape, List<DiagnosticInfo> diagnostics)
    {
        if (!RequireSpatial(layer, shape, diagnostics) || !CheckIn(layer, shape[0], "channels", diagnostics)) return null;
        long channels = shape[0], height = shape[1], width = shape[2];
        if (channels % layer.Groups != 0 || layer.Size % layer.Groups != 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GroupsMismatch, layer.Arguments.NamedLocation("Groups"),
                layer.Name, Text(channels), Text(layer.Size), Text(layer.Groups)));
            return null;
        }
        var effectiveKernel = (long)layer.Dilation * (layer.Kernel - 1) + 1;
        if (!FitsKernel(layer, height, width, effectiveKernel, layer.Padding, layer.Arguments.PositionalLocation(1), diagnostics)) return null;
        var outHeight = (height + 2L * layer.Padding - effectiveKernel) / layer.Stride + 1;
        var outWidth = (width + 2L * layer.Padding - effectiveKernel) / layer.Stride + 1;
        var inPerGroup = channels / layer.Groups;
        var kernelArea = (long)layer.Kernel * layer.Kernel;
        var weights = layer.Size * inPerGroup * kernelArea;
        return Make(layer, shape, new[] { layer.Size, outHeight, outWidth },
            new[] { layer.Size, inPerGroup, layer.Kernel, (long)layer.Kernel },
            weights + (layer.Bias ? layer.Size : 0),
            layer.Size * outHeight * outWidth * inPerGroup * kernelArea,
            inSize: (int)channels);
    }

    private static LayerSpec? Linear(LayerDeclaration layer, long[] shape, List<DiagnosticInfo> diagnostics)
    {
        if (!RequireFlat(layer, shape, diagnostics) || !CheckIn(layer, shape[0], "features", diagnostics)) return null;
        var inFeatures = shape[0];
        return Make(layer, shape, new[] { (long)layer.Size }, new[] { layer.Size, inFeatures },
            inFeatures * layer.Size + (layer.Bias ? layer.Size : 0), inFeatures * layer.Size, inSize: (int)inFeatures);
    }

    private static LayerSpec? Pool(LayerDeclaration layer, long[] shape, List<DiagnosticInfo> diagnostics)
    {
        if (!RequireSpatial(layer, shape, diagnostics)) return null;
        if (!FitsKernel(layer, shape[1], shape[2], layer.Kernel, layer.Padding, layer.Arguments.PositionalLocation(0), diagnostics)) return null;
        var stride = layer.Stride == 0 ? layer.Kernel : layer.Stride;
        var outHeight = (shape[1] + 2L * layer.Padding - layer.Kernel) / stride + 1;
        var outWidth = (shape[2] + 2L * layer.Padding - layer.Kernel) / stride + 1;
        return Make(layer, shape, new[] { shape[0], outHeight, outWidth }, new long[0], 0, 0, stride: stride);
    }

    private static bool FitsKernel(LayerDeclaration layer, long height, long width, long kernel, int padding, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        long paddedHeight = height + 2L * padding, paddedWidth = width + 2L * padding;
        if (kernel <= paddedHeight && kernel <= paddedWidth) return true;
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KernelLargerThanInput, location,
            layer.Name, Text(kernel), Text(paddedHeight), Text(paddedWidth)));
        return false;
    }

    private static bool CheckIn(LayerDeclaration layer, long inferred, string unit, List<DiagnosticInfo> diagnostics)
    {
        if (layer.In == 0 || layer.In == inferred) return true;
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InputSizeMismatch, layer.Arguments.NamedLocation("In"),
            layer.Name, Text(layer.In), Text(inferred), unit));
        return false;
    }

    private static bool RequireSpatial(LayerDeclaration layer, long[] shape, List<DiagnosticInfo> diagnostics)
    {
        if (shape.Length == 3) return true;
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SpatialInputRequired, layer.Arguments.AttributeLocation,
            layer.Name, layer.Kind.ToString(), Literals.ShapeList(shape)));
        return false;
    }

    private static bool RequireFlat(LayerDeclaration layer, long[] shape, List<DiagnosticInfo> diagnostics)
    {
        if (shape.Length == 1) return true;
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FlatInputRequired, layer.Arguments.AttributeLocation,
            layer.Name, layer.Kind.ToString(), Literals.ShapeList(shape)));
        return false;
    }

    private static void Positive(LayerDeclaration layer, string what, int value, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (value <= 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, location, what, layer.Name, Text(value), "positive"));
    }

    private static void NotNegative(LayerDeclaration layer, string what, int value, LocationInfo? location, List<DiagnosticInfo> diagnostics, string requirement = "0 or positive")
    {
        if (value < 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, location, what, layer.Name, Text(value), requirement));
    }

    private static LayerSpec Make(LayerDeclaration layer, long[] input, long[] output, long[] weight, long parameters, long macs,
        int inSize = 0, int? stride = null) =>
        new(layer.Kind, layer.Name,
            new EquatableArray<long>(input), new EquatableArray<long>(output), new EquatableArray<long>(weight),
            parameters, macs,
            inSize, layer.Size, layer.Kernel, stride ?? layer.Stride, layer.Padding, layer.Dilation, layer.Groups, layer.Bias,
            layer.Eps, layer.Momentum, layer.P);

    private static long Product(long[] shape)
    {
        long product = 1;
        foreach (var d in shape) product *= d;
        return product;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
