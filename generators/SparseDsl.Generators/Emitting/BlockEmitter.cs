using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Parsing;
using SparseDsl.Generators.Specs;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Emitting;

/// <summary>
/// Writes <c>&lt;Namespace&gt;.&lt;Block&gt;.Block.g.cs</c>: the <c>&lt;Block&gt;Module</c> class, built for any input channels,
/// output channels and stride, and a <c>CreateModule</c> factory on the block type. Channel counts are the declared ones
/// scaled by channels / <see cref="BlockSpec.ReferenceChannels"/>; whether the shortcut projects is decided as the
/// generator's inference decides it (channels change or the stride before the residual is not 1).
/// </summary>
internal static class BlockEmitter
{
    private const string In = "in_channels";
    private const string Out = "channels";
    private const string Stride = "stride";

    public static string HintName(BlockSpec block) => block.Type.HintName(".Block.g.cs");

    public static string Emit(BlockSpec block)
    {
        var type = block.Type;
        var writer = FileHeader.Start(type.Namespace);
        var parameters = "long " + In + ", long " + Out + ", long " + Stride;
        writer.Line(type.DeclarationStart);
        using (writer.OpenBlock())
        {
            writer.Summary("Builds the block as a <see cref=\"" + block.ModuleFullName + "\"/> with fresh parameters (see its constructor).");
            writer.Line("public static " + Names.BlockModule + " CreateModule(" + parameters + ") => new " + block.ModuleFullName + "(" + In + ", " + Out + ", " + Stride + ");");
        }
        writer.Line();

        var plan = Plan(block);
        writer.Line("/// <summary>");
        writer.Line("/// Module of the block <see cref=\"" + type.FullyQualifiedName + "\"/>, written for " + Literals.Long(block.ReferenceChannels)
            + " output channels and built for any; layers in forward and registration order:");
        writer.Line("/// <list type=\"bullet\">");
        foreach (var step in plan.Where(s => s.Description.Length > 0))
            writer.Line("/// <item><description>" + Literals.Xml(step.Description) + "</description></item>");
        writer.Line("/// </list>");
        writer.Line("/// </summary>");
        writer.Line(type.Accessibility + " sealed class " + block.ModuleName + " : " + Names.BlockModule);
        using (writer.OpenBlock())
        {
            foreach (var step in plan.Where(s => s.FieldType != null)) writer.Line("private readonly " + step.FieldType + " " + step.Field + ";");
            writer.Line();

            writer.Line("/// <summary>Creates the layers with fresh parameters and registers them in forward order.</summary>");
            writer.Line("/// <param name=\"" + In + "\">Channels of the input.</param>");
            writer.Line("/// <param name=\"" + Out + "\">Channels of the output; every convolution is scaled by " + Out + " / " + Literals.Long(block.ReferenceChannels) + ".</param>");
            writer.Line("/// <param name=\"" + Stride + "\">Stride of the convolutions marked Strided (the stage's stride in its first block, else 1).</param>");
            writer.Line("public " + block.ModuleName + "(" + parameters + ") : base(" + Literals.String(type.Name) + ", " + In + ", " + Out + ", " + Stride + ")");
            using (writer.OpenBlock())
                foreach (var step in plan)
                    foreach (var line in step.Construction) writer.Line(line);
            writer.Line();

            writer.Summary("Forward pass on a batch [N, in_channels, H, W].");
            writer.Line("public override " + Names.Tensor + " forward(" + Names.Tensor + " input)");
            using (writer.OpenBlock())
            {
                writer.Line("var x = input;");
                var forward = new ForwardStatements();
                foreach (var step in plan)
                    foreach (var line in step.Forward(forward)) writer.Line(line);
                writer.Line("return x;");
            }
        }
        return writer.ToString();
    }

    /// <summary>One layer of the module: its field, constructor lines, forward lines and description.</summary>
    private sealed class Step
    {
        public string? FieldType { get; init; }
        public string Field { get; init; } = "";
        public string[] Construction { get; init; } = new string[0];
        public Func<ForwardStatements, IEnumerable<string>> Forward { get; init; } = _ => new string[0];
        public string Description { get; init; } = "";
    }

    private static List<Step> Plan(BlockSpec block)
    {
        var steps = new List<Step>();
        var channels = In;
        var constantStride = 1L;
        var stridedCount = 0;
        for (var i = 0; i < block.Layers.Count; i++)
        {
            var layer = block.Layers[i];
            if (i == block.PreActivationLength && block.PreActivationLength > 0 && block.Layers.Any(l => l.Kind == LayerKind.Residual && l.ProjectPreActivated))
                steps.Add(new Step { Forward = _ => new[] { "var preActivated = x;" }, Description = "" });
            switch (layer.Kind)
            {
                case LayerKind.Conv2d:
                    var output = ChannelExpression(layer.Size, block.ReferenceChannels);
                    var stride = layer.Strided ? Stride : Literals.Long(layer.Stride);
                    if (layer.Strided) stridedCount++;
                    else constantStride = Math.Min(int.MaxValue, constantStride * layer.Stride);
                    steps.Add(Module(layer, Names.MaskedConv2d,
                        "new " + Names.MaskedConv2d + "(" + channels + ", " + output + ", " + layer.Kernel + ", " + stride + ", " + layer.Padding + ", "
                        + layer.Dilation + ", " + layer.Groups + ", " + Literals.Bool(layer.Bias) + ")",
                        layer.Name + ": Conv2d " + channels + " → " + output + ", kernel " + layer.Kernel
                        + (layer.Strided ? ", stride " + Stride + " (Strided)" : ", stride " + layer.Stride) + ", padding " + layer.Padding
                        + (layer.Dilation != 1 ? ", dilation " + layer.Dilation : "") + (layer.Groups != 1 ? ", groups " + layer.Groups : "")
                        + (layer.Bias ? "" : ", no bias")));
                    channels = output;
                    break;
                case LayerKind.BatchNorm2d:
                    steps.Add(Module(layer, Names.BatchNorm2d,
                        "new " + Names.BatchNorm2d + "(" + channels + ", " + Literals.Double(layer.Eps) + ", " + Literals.Double(layer.Momentum) + ")",
                        layer.Name + ": BatchNorm2d " + channels + ", eps " + Literals.Double(layer.Eps) + ", momentum " + Literals.Double(layer.Momentum)));
                    break;
                case LayerKind.Residual:
                    steps.Add(Residual(block, layer, channels, constantStride, stridedCount));
                    break;
                default:
                    var poolStride = layer.Stride == 0 ? layer.Kernel : layer.Stride;
                    if (layer.Kind is LayerKind.MaxPool2d or LayerKind.AvgPool2d) constantStride = Math.Min(int.MaxValue, constantStride * poolStride);
                    steps.Add(new Step
                    {
                        Forward = f => f.Layer(layer.Kind, layer.Name, layer.Kernel, poolStride, layer.Padding, layer.P, flattenIsNoOp: false),
                        Description = layer.Name + ": " + layer.Kind + (layer.Kind switch
                        {
                            LayerKind.Dropout => " p " + Literals.Double(layer.P),
                            LayerKind.MaxPool2d or LayerKind.AvgPool2d => " kernel " + layer.Kernel + ", stride " + poolStride + (layer.Padding > 0 ? ", padding " + layer.Padding : ""),
                            _ => "",
                        }),
                    });
                    break;
            }
        }
        return steps;
    }

    private static Step Module(BlockLayerSpec layer, string type, string construction, string description) => new()
    {
        FieldType = type,
        Field = layer.Name,
        Construction = new[] { "this." + layer.Name + " = Register(" + Literals.String(layer.Name) + ", " + construction + ");" },
        Forward = f => f.Layer(layer.Kind, layer.Name, layer.Kernel, layer.Stride, layer.Padding, layer.P, flattenIsNoOp: false),
        Description = description,
    };

    private static Step Residual(BlockSpec block, BlockLayerSpec layer, string channels, long constantStride, int stridedCount)
    {
        // The same rule as BlockInference: project when the channels change or the stride so far is not 1.
        var strideExpression = stridedCount == 0 ? Literals.Long(constantStride)
            : string.Join(" * ", (constantStride == 1 ? new string[0] : new[] { Literals.Long(constantStride) }).Concat(Enumerable.Repeat(Stride, stridedCount)));
        var conditions = new List<string>();
        if (stridedCount == 0 && constantStride != 1) conditions.Add("true");
        else if (stridedCount > 0) conditions.Add(constantStride == 1 ? Stride + " != 1" : "true");
        if (channels != In) conditions.Add(In + " != " + channels);
        var always = conditions.Contains("true");
        var condition = always ? "true" : string.Join(" || ", conditions);

        if (conditions.Count == 0)
            return new Step
            {
                Forward = f => new[] { f.Residual("input") },
                Description = layer.Name + ": adds the input (the block never changes its shape)",
            };
        if (layer.Shortcut == ShortcutKind.Identity)
        {
            var construction = new[]
            {
                "if (" + condition + ")",
                "    throw new " + Names.ArgumentException + "(" + Literals.String(block.Type.Name + " has an identity shortcut: it needs the same input and output channels and a stride of 1.") + ");",
            };
            return new Step
            {
                Construction = construction,
                Forward = f => new[] { f.Residual("input") },
                Description = layer.Name + ": adds the input (identity shortcut)",
            };
        }

        var batchNorm = layer.Shortcut == ShortcutKind.ConvBatchNorm;
        var projection = "Register(\"shortcut\", new " + Names.ProjectionShortcut + "(" + In + ", " + channels + ", " + strideExpression + ", " + Literals.Bool(batchNorm) + "))";
        var source = layer.ProjectPreActivated ? "preActivated" : "input";
        return new Step
        {
            FieldType = Names.ProjectionShortcut + "?",
            Field = "shortcut",
            Construction = new[] { "this.shortcut = " + (always ? projection : condition + " ? " + projection + " : null") + ";" },
            Forward = f => new[] { f.Residual("this.shortcut is null ? input : this.shortcut.forward(" + source + ")") },
            Description = layer.Name + ": adds the input; when " + (always ? "always" : condition) + ", through shortcut: a 1×1 Conv2d " + In + " → " + channels
                + " with stride " + strideExpression + " (no bias)" + (batchNorm ? " and BatchNorm2d" : "")
                + (layer.ProjectPreActivated ? ", on the pre-activated input" : ""),
        };
    }

    /// <summary><c>channels</c> scaled by size / reference, as a reduced fraction.</summary>
    private static string ChannelExpression(long size, long reference)
    {
        var gcd = Gcd(size, reference);
        long numerator = size / gcd, denominator = reference / gcd;
        if (denominator == 1) return numerator == 1 ? Out : Out + " * " + Literals.Long(numerator);
        return "Scaled(" + Out + ", " + Literals.Long(numerator) + ", " + Literals.Long(denominator) + ")";
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
