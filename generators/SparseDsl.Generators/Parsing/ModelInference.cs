using System.Globalization;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>What a family's variant changes in the template; <see cref="Reference"/> changes nothing.</summary>
/// <param name="Name">The variant's name for messages ("" for the template itself).</param>
/// <param name="Width">Width as written, for messages.</param>
/// <param name="Scale">Width / BaseWidth: the factor on every channel and feature count but the classifier's.</param>
/// <param name="Blocks">Blocks of every stage, or null.</param>
/// <param name="StageBlocks">Blocks per stage, or null.</param>
/// <param name="Block">The block of every stage, or null.</param>
internal sealed record ModelSettings(string Name, double Width, double Scale, int? Blocks, IReadOnlyList<int>? StageBlocks, BlockTemplate? Block)
{
    public static ModelSettings Reference { get; } = new("", 1, 1, null, null, null);
}

/// <summary>
/// Shape inference of a whole model: its own layers and the blocks of its stages, from the input shape, with a
/// variant's settings applied. Stops at the first problem (later shapes would only repeat it).
/// </summary>
internal static class ModelInference
{
    /// <param name="at">Where problems are reported instead of the items' own attributes (a variant), or null.</param>
    /// <returns>The layer table and the model's own items, or null after a diagnostic.</returns>
    public static (LayerSpec[] Layers, ModelItemSpec[] Items)? Run(long[] inputShape, ModelTemplate template, ModelSettings settings,
        LocationInfo? at, List<DiagnosticInfo> diagnostics)
    {
        var item = 0;
        try
        {
            return Run(inputShape, template, settings, at, diagnostics, ref item);
        }
        catch (OverflowException)
        {
            // A size computed outside a single layer (a projection shortcut, a scaled width) overflowed: report the item that made it.
            var declaration = template.Items[Math.Min(item, template.Items.Count - 1)];
            var name = declaration is LayerDeclaration layer ? layer.Name : "stage " + Text(template.Items.Take(item).OfType<StageDeclaration>().Count());
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SizeTooLarge, at ?? declaration.Arguments.AttributeLocation, name, "size"));
            return null;
        }
    }

    private static (LayerSpec[] Layers, ModelItemSpec[] Items)? Run(long[] inputShape, ModelTemplate template, ModelSettings settings,
        LocationInfo? at, List<DiagnosticInfo> diagnostics, ref int item)
    {
        var inference = new LayerInference(diagnostics, at);
        var layers = new List<LayerSpec>();
        var items = new List<ModelItemSpec>();
        var classifier = ClassifierIndex(template.Items);
        var shape = inputShape;
        var stageIndex = 0;
        for (var i = 0; i < template.Items.Count; i++)
        {
            item = i;
            if (template.Items[i] is LayerDeclaration layer)
            {
                var declared = layer;
                if (settings.Scale != 1 && layer.Kind is LayerKind.Conv2d or LayerKind.Linear && i != classifier)
                {
                    var size = Scale(layer.Size, layer.Kind == LayerKind.Conv2d ? "channels" : "features", layer.Name, settings, inference);
                    if (size == null) return null;
                    declared = layer.Instance(layer.Name, size.Value, layer.Stride);
                }
                var spec = inference.Infer(declared, shape);
                if (spec == null) return null;
                layers.Add(spec);
                items.Add(new ModelItemSpec(spec, null));
                shape = spec.OutputShape.ToArray();
                continue;
            }

            var stage = (StageDeclaration)template.Items[i];
            var stageSpec = Stage(stage, stageIndex++, template, settings, inference, ref shape, layers);
            if (stageSpec == null) return null;
            items.Add(new ModelItemSpec(null, stageSpec));
        }
        return (layers.ToArray(), items.ToArray());
    }

    private static StageSpec? Stage(StageDeclaration stage, int index, ModelTemplate template, ModelSettings settings, LayerInference inference,
        ref long[] shape, List<LayerSpec> layers)
    {
        var prefix = "stages." + Text(index);
        var block = settings.Block ?? template.Block(stage.Block);
        if (block is not { IsValid: true }) return null;
        if (settings.Block != null && stage.Stride > 1 && !block.HasStridedConvolution)
        {
            inference.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StrideWithoutStridedConv, inference.At, Literals.Long(stage.Stride), block.Name));
            return null;
        }
        var channels = Scale(stage.Channels, "channels", prefix, settings, inference);
        if (channels == null) return null;
        var count = settings.StageBlocks != null ? settings.StageBlocks[index] : settings.Blocks ?? stage.Blocks;
        var location = stage.Arguments.AttributeLocation;
        var instances = new List<BlockInstanceSpec>();
        for (var b = 0; b < count; b++)
        {
            var stride = b == 0 ? stage.Stride : 1;
            var input = shape;
            var output = BlockInference.Infer(block, prefix + ".blocks." + Text(b) + ".", input, channels.Value, stride,
                location, inference.Diagnostics, inference.At, layers);
            if (output == null) return null;
            instances.Add(new BlockInstanceSpec(input[0], channels.Value, stride));
            shape = output;
        }
        return new StageSpec(index, block.Name, block.Spec!.ModuleFullName, instances.ToEquatableArray());
    }

    /// <summary>The last Conv2d or Linear of the model's own layers when nothing with parameters follows it: the classifier, which Width does not scale.</summary>
    private static int ClassifierIndex(List<ItemDeclaration> items)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (items[i] is StageDeclaration) return -1;
            if (items[i] is LayerDeclaration { Kind: LayerKind.Conv2d or LayerKind.Linear }) return i;
        }
        return -1;
    }

    private static int? Scale(long size, string unit, string owner, ModelSettings settings, LayerInference inference)
    {
        if (settings.Scale == 1) return (int)size;
        var scaled = size * settings.Scale;
        var rounded = Math.Round(scaled);
        if (Math.Abs(scaled - rounded) <= 1e-9 * Math.Max(1, rounded) && rounded >= 1 && rounded <= int.MaxValue) return (int)rounded;
        inference.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WidthNotWhole, inference.At,
            settings.Width.ToString("R", CultureInfo.InvariantCulture), settings.Name, Text(size), unit, owner, scaled.ToString("0.###", CultureInfo.InvariantCulture)));
        return null;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
