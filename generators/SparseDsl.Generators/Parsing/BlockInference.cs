using System.Globalization;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Infers one block of a stage from its input: every layer with its dotted name, channel counts scaled to the stage,
/// the stride on the <c>Strided</c> convolution, and the shortcut. The projection rule is the one the generated block
/// module applies at run time: project when the channels change or the stride before the residual is not 1.
/// </summary>
internal static class BlockInference
{
    /// <param name="prefix">Dotted prefix of the block, e.g. <c>stages.1.blocks.0.</c>.</param>
    /// <param name="stageLocation">The stage attribute, where problems of this use of the block are reported (unless the inference already reports elsewhere).</param>
    /// <returns>The block's output shape, or null after a diagnostic.</returns>
    public static long[]? Infer(BlockTemplate block, string prefix, long[] input, long channels, int stride,
        LocationInfo? stageLocation, List<DiagnosticInfo> diagnostics, LocationInfo? at, List<LayerSpec> output)
    {
        var inference = new LayerInference(diagnostics, at ?? stageLocation);
        if (!inference.RequireSpatial(prefix.TrimEnd('.'), "block " + block.Name, stageLocation, input)) return null;
        var shape = input;
        long strideProduct = 1;
        foreach (var layer in block.Layers)
        {
            var name = prefix + layer.Name;
            if (layer.Kind == LayerKind.Residual)
            {
                if (!Residual(layer, name, prefix, input, shape, strideProduct, inference, output)) return null;
                continue;
            }
            var size = layer.Size;
            var layerStride = layer.Stride;
            if (layer.Kind == LayerKind.Conv2d)
            {
                var scaled = Scale(block, layer, name, channels, inference);
                if (scaled == null) return null;
                size = scaled.Value;
                if (layer.Strided) layerStride = stride;
                strideProduct = Multiply(strideProduct, layerStride);
            }
            else if (layer.Kind is LayerKind.MaxPool2d or LayerKind.AvgPool2d)
                strideProduct = Multiply(strideProduct, layer.Stride == 0 ? layer.Kernel : layer.Stride);
            var spec = inference.Infer(layer.Instance(name, size, layerStride), shape);
            if (spec == null) return null;
            output.Add(spec);
            shape = spec.OutputShape.ToArray();
        }
        return shape;
    }

    private static int? Scale(BlockTemplate block, LayerDeclaration layer, string name, long channels, LayerInference inference)
    {
        var product = channels * layer.Size;
        var reference = block.ReferenceChannels;
        var scaled = product / reference;
        if (product % reference == 0 && scaled >= 1 && scaled <= int.MaxValue) return (int)scaled;
        var divisor = reference / Gcd(layer.Size, reference);
        inference.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StageChannelsNotScalable, inference.At,
            Text(channels), block.Name, Text(reference), name,
            (product / (double)reference).ToString("0.###", CultureInfo.InvariantCulture), Text(divisor)));
        return null;
    }

    private static bool Residual(LayerDeclaration layer, string name, string prefix, long[] input, long[] shape, long strideProduct,
        LayerInference inference, List<LayerSpec> output)
    {
        var project = strideProduct != 1 || input[0] != shape[0];
        var source = project
            ? new[] { shape[0], (input[1] - 1) / strideProduct + 1, (input[2] - 1) / strideProduct + 1 }
            : input;
        string? problem = null;
        if (project && layer.Shortcut == ShortcutKind.Identity)
            problem = "an identity shortcut needs the same channels and a stride of 1; use Shortcut.Conv or Shortcut.ConvBatchNorm";
        else if (source[1] != shape[1] || source[2] != shape[2])
            problem = "pad the block's convolutions so its output is its input's height and width divided by its stride (" + Text(strideProduct) + ")";
        if (problem != null)
        {
            inference.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ResidualShapeMismatch, inference.At,
                name, Literals.ShapeList(project && layer.Shortcut == ShortcutKind.Identity ? input : source), Literals.ShapeList(shape), problem));
            return false;
        }
        if (project)
        {
            long inChannels = input[0], outChannels = shape[0];
            var conv = LayerInference.Synthesized(LayerKind.Conv2d, prefix + "shortcut.conv", input, shape, new[] { outChannels, inChannels, 1, 1L },
                outChannels * inChannels, outChannels * shape[1] * shape[2] * inChannels, (int)inChannels, (int)outChannels, 1, (int)strideProduct, bias: false);
            output.Add(conv);
            if (layer.Shortcut == ShortcutKind.ConvBatchNorm)
                output.Add(LayerInference.Synthesized(LayerKind.BatchNorm2d, prefix + "shortcut.bn", shape, shape, new[] { outChannels },
                    2 * outChannels, 0, (int)outChannels, 0, 0, 1, bias: true));
        }
        output.Add(inference.Infer(layer.Instance(name, 0, 1), shape)!);
        return true;
    }

    /// <summary>Stride products saturate at int.MaxValue: far beyond any input, and never 0 by overflow.</summary>
    private static long Multiply(long a, long b) => Math.Min((long)int.MaxValue, a * Math.Max(1, b));

    private static long Gcd(long a, long b) => b == 0 ? Math.Abs(a) : Gcd(b, a % b);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
