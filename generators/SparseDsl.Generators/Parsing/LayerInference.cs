using System.Globalization;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Infers one layer from its input shape: output shape, weight shape, parameter count and MACs per sample, with the
/// shape checks. Diagnostics go to the layer's own attribute, or to <paramref name="at"/> when the layer is one use of
/// a block or of a family's template (the stage or variant that placed it there is what to change).
/// </summary>
internal sealed class LayerInference(List<DiagnosticInfo> diagnostics, LocationInfo? at)
{
    public List<DiagnosticInfo> Diagnostics { get; } = diagnostics;

    /// <summary>Where diagnostics of this inference go instead of the layers' own attributes; null for those.</summary>
    public LocationInfo? At { get; } = at;

    public LocationInfo? Location(LocationInfo? own) => At ?? own;

    /// <summary>
    /// Bound on a layer's output elements, weights, parameters and MACs per sample: far beyond any network (a
    /// ResNet-50 layer has under 2^29 MACs), and small enough that a model's totals cannot overflow.
    /// </summary>
    public const long SizeLimit = 1L << 40;

    /// <returns>The inferred layer, or null after adding a diagnostic.</returns>
    public LayerSpec? Infer(LayerDeclaration layer, long[] shape)
    {
        LayerSpec? spec;
        try
        {
            spec = InferShape(layer, shape);
        }
        catch (OverflowException)
        {
            return TooLarge(layer, "size");
        }
        if (spec == null) return null;
        if (Elements(spec.OutputShape) > SizeLimit) return TooLarge(layer, "output");
        if (spec.ParameterCount > SizeLimit) return TooLarge(layer, "parameter count");
        if (spec.Macs > SizeLimit) return TooLarge(layer, "multiply-accumulates per sample");
        return spec;
    }

    /// <summary>The product of <paramref name="shape"/>, saturating just above <see cref="SizeLimit"/>.</summary>
    private static long Elements(IEnumerable<long> shape)
    {
        long product = 1;
        foreach (var d in shape) product = Math.Min(SizeLimit + 1, product * Math.Min(d, SizeLimit + 1));
        return product;
    }

    private LayerSpec? TooLarge(LayerDeclaration layer, string what)
    {
        Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeTooLarge, Location(layer.Arguments.AttributeLocation), layer.Name, what));
        return null;
    }

    private LayerSpec? InferShape(LayerDeclaration layer, long[] shape)
    {
        switch (layer.Kind)
        {
            case LayerKind.Conv2d: return Conv2d(layer, shape);
            case LayerKind.Linear: return Linear(layer, shape);
            case LayerKind.BatchNorm2d:
                if (!RequireSpatial(layer, shape)) return null;
                return Make(layer, shape, shape, new[] { shape[0] }, 2 * shape[0], 0, inSize: (int)shape[0]);
            case LayerKind.BatchNorm1d:
                if (!RequireFlat(layer, shape)) return null;
                return Make(layer, shape, shape, new[] { shape[0] }, 2 * shape[0], 0, inSize: (int)shape[0]);
            case LayerKind.MaxPool2d:
            case LayerKind.AvgPool2d:
                return Pool(layer, shape);
            case LayerKind.GlobalAvgPool:
                if (!RequireSpatial(layer, shape)) return null;
                return Make(layer, shape, new[] { shape[0] }, new long[0], 0, 0);
            case LayerKind.Flatten:
                return Make(layer, shape, new[] { Product(shape) }, new long[0], 0, 0);
            default: // ReLU, Dropout: shape preserving
                return Make(layer, shape, shape, new long[0], 0, 0);
        }
    }

    /// <summary>A layer the generator adds itself (a block's projection shortcut), named and sized by the caller.</summary>
    public static LayerSpec Synthesized(LayerKind kind, string name, long[] input, long[] output, long[] weight, long parameters, long macs,
        int inSize, int outSize, int kernel, int stride, bool bias) =>
        new(kind, name, new EquatableArray<long>(input), new EquatableArray<long>(output), new EquatableArray<long>(weight),
            parameters, macs, inSize, outSize, kernel, stride, 0, 1, 1, bias, 1e-5, 0.1, 0.0);

    private LayerSpec? Conv2d(LayerDeclaration layer, long[] shape)
    {
        if (!RequireSpatial(layer, shape) || !CheckIn(layer, shape[0], "channels")) return null;
        long channels = shape[0], height = shape[1], width = shape[2];
        if (channels % layer.Groups != 0 || layer.Size % layer.Groups != 0)
        {
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GroupsMismatch, Location(layer.Arguments.NamedLocation("Groups")),
                layer.Name, Text(channels), Text(layer.Size), Text(layer.Groups)));
            return null;
        }
        var effectiveKernel = (long)layer.Dilation * (layer.Kernel - 1) + 1;
        if (!FitsKernel(layer, height, width, effectiveKernel, layer.Padding, layer.Arguments.PositionalLocation(1))) return null;
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

    private LayerSpec? Linear(LayerDeclaration layer, long[] shape)
    {
        if (!RequireFlat(layer, shape) || !CheckIn(layer, shape[0], "features")) return null;
        var inFeatures = shape[0];
        return Make(layer, shape, new[] { (long)layer.Size }, new[] { layer.Size, inFeatures },
            inFeatures * layer.Size + (layer.Bias ? layer.Size : 0), inFeatures * layer.Size, inSize: (int)inFeatures);
    }

    private LayerSpec? Pool(LayerDeclaration layer, long[] shape)
    {
        if (!RequireSpatial(layer, shape)) return null;
        if (!FitsKernel(layer, shape[1], shape[2], layer.Kernel, layer.Padding, layer.Arguments.PositionalLocation(0))) return null;
        var stride = layer.Stride == 0 ? layer.Kernel : layer.Stride;
        var outHeight = (shape[1] + 2L * layer.Padding - layer.Kernel) / stride + 1;
        var outWidth = (shape[2] + 2L * layer.Padding - layer.Kernel) / stride + 1;
        return Make(layer, shape, new[] { shape[0], outHeight, outWidth }, new long[0], 0, 0, stride: stride);
    }

    private bool FitsKernel(LayerDeclaration layer, long height, long width, long kernel, int padding, LocationInfo? location)
    {
        long paddedHeight = height + 2L * padding, paddedWidth = width + 2L * padding;
        if (kernel <= paddedHeight && kernel <= paddedWidth) return true;
        Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KernelLargerThanInput, Location(location),
            layer.Name, Text(kernel), Text(paddedHeight), Text(paddedWidth)));
        return false;
    }

    private bool CheckIn(LayerDeclaration layer, long inferred, string unit)
    {
        if (layer.In == 0 || layer.In == inferred) return true;
        Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InputSizeMismatch, Location(layer.Arguments.NamedLocation("In")),
            layer.Name, Text(layer.In), Text(inferred), unit));
        return false;
    }

    public bool RequireSpatial(LayerDeclaration layer, long[] shape) => RequireSpatial(layer.Name, layer.Kind.ToString(), layer.Arguments.AttributeLocation, shape);

    public bool RequireSpatial(string name, string what, LocationInfo? own, long[] shape)
    {
        if (shape.Length == 3) return true;
        Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SpatialInputRequired, Location(own), name, what, Literals.ShapeList(shape)));
        return false;
    }

    private bool RequireFlat(LayerDeclaration layer, long[] shape)
    {
        if (shape.Length == 1) return true;
        Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FlatInputRequired, Location(layer.Arguments.AttributeLocation),
            layer.Name, layer.Kind.ToString(), Literals.ShapeList(shape)));
        return false;
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
