using System.Globalization;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Parsing;
using SparseDsl.Generators.Specs;
using SparseDsl.Sparsity;

namespace SparseDsl.Generators.Emitting;

/// <summary>
/// Writes <c>&lt;Namespace&gt;.&lt;Model&gt;.g.cs</c>: the model's <c>ISparseModel</c> members (Info, DensityTables computed
/// here at compile time, CreateModule) and its <c>&lt;Model&gt;Module</c> class.
/// </summary>
internal static class ModelEmitter
{
    public static string HintName(ModelSpec model) => model.Type.HintName(".g.cs");

    public static string Emit(ModelSpec model, EquatableArray<PolicySpec> policies)
    {
        var type = model.Type;
        var writer = FileHeader.Start(type.Namespace);
        writer.Line(type.DeclarationStart + " : " + Names.ISparseModel);
        using (writer.OpenBlock())
        {
            WriteInfo(writer, model);
            writer.Line();
            WriteDensityTables(writer, model, policies);
            writer.Line();
            writer.Summary("Creates a <see cref=\"" + ModuleName(model) + "\"/> with freshly initialised parameters.");
            writer.Line("public static " + Names.SparseModule + " CreateModule() => new " + ModuleFullName(model) + "();");
        }
        writer.Line();
        WriteModule(writer, model);
        return writer.ToString();
    }

    private static void WriteInfo(SourceWriter writer, ModelSpec model)
    {
        var layers = model.Layers;
        var parameters = layers.Sum(l => l.ParameterCount);
        var prunable = layers.Where(l => l.Prunable).Sum(l => l.WeightShape.Aggregate(1L, (a, b) => a * b));
        var macs = layers.Sum(l => l.Macs);
        var output = layers.Count == 0 ? model.InputShape : layers[layers.Count - 1].OutputShape;
        writer.Line("/// <summary>");
        if (model.Family != null)
            writer.Line("/// Variant " + Literals.Xml(model.Aliases.Count > 0 ? model.Aliases[0] : model.ModelName) + " of the family <see cref=\"" + model.Family + "\"/>.");
        writer.Line("/// " + model.ModelName + ": input " + Literals.Shape(model.InputShape) + ", output " + Literals.Shape(output) + "; "
            + Count(layers.Count, "layer") + ", " + Count(parameters, "parameter") + ", " + Count(prunable, "prunable weight") + ", "
            + Literals.Long(macs) + " MACs per sample.");
        writer.Line("/// <list type=\"bullet\">");
        foreach (var layer in layers)
            writer.Line("/// <item><description>" + LayerText.Describe(layer) + "</description></item>");
        writer.Line("/// </list>");
        writer.Line("/// </summary>");
        writer.Line("public static " + Names.ModelInfo + " Info { get; } = new " + Names.ModelInfo + "(");
        using (writer.Indent())
        {
            writer.Line(Literals.String(model.ModelName) + ",");
            writer.Line(Literals.StringArray(model.Aliases) + ",");
            writer.Line(Literals.LongArray(model.InputShape) + ",");
            writer.Line("[");
            using (writer.Indent())
                foreach (var layer in layers)
                    writer.Line(LayerText.Info(layer) + ",");
            writer.Line("]);");
        }
    }

    private static void WriteDensityTables(SourceWriter writer, ModelSpec model, EquatableArray<PolicySpec> policies)
    {
        var shapes = model.PrunableWeightShapes();
        var layerNames = model.PrunableLayerNames();
        var tables = new List<(PolicySpec Policy, double Density, IReadOnlyList<double> Densities)>();
        foreach (var policy in policies.Where(p => p.AppliesTo(model)))
        {
            // The shared RuleAllocator: the run-time path computes exactly these densities. A failure is a diagnostic (CrossChecks).
            var result = policy.Allocate(model);
            if (!result.Succeeded) continue;
            var density = policy.Allocation == Allocation.Explicit ? RuleAllocator.ImpliedDensity(shapes, result.Densities) : policy.Density;
            tables.Add((policy, density, result.Densities));
        }

        if (tables.Count > 1)
        {
            // Shared by the tables below (each copies it); declared first so it is initialised first.
            writer.Line("private static readonly string[] " + MaskedLayerNamesField + " = " + Literals.StringArray(layerNames) + ";");
            writer.Line();
        }
        writer.Line("/// <summary>");
        writer.Line("/// Density tables of " + model.ModelName + " computed at compile time, one per policy of the compilation that applies to and fits the model;");
        writer.Line("/// densities of the masked layers (<c>Info.PrunableLayers</c>, " + Literals.Long(layerNames.Count) + " of them) in forward order.");
        if (tables.Count > 0)
        {
            writer.Line("/// <list type=\"bullet\">");
            foreach (var (policy, density, densities) in tables)
                writer.Line("/// <item><description>" + Literals.Xml(policy.PolicyName) + " (" + Describe(policy, density) + "): "
                    + string.Join(", ", densities.Select(d => d.ToString("0.####", CultureInfo.InvariantCulture))) + "</description></item>");
            writer.Line("/// </list>");
        }
        writer.Line("/// </summary>");
        var declaration = "public static " + Names.IReadOnlyList + "<" + Names.DensityTable + "> DensityTables { get; } = new " + Names.DensityTable;
        if (tables.Count == 0)
        {
            writer.Line(declaration + "[0];");
            return;
        }
        writer.Line(declaration + "[]");
        var names = tables.Count > 1 ? MaskedLayerNamesField : Literals.StringArray(layerNames);
        using (writer.OpenBlock("};"))
            foreach (var (policy, density, densities) in tables)
                writer.Line("new " + Names.DensityTable + "(" + Literals.String(policy.PolicyName) + ", " + Names.Allocation + "." + policy.Allocation + ", "
                    + Literals.Double(density) + ", " + Literals.Double(policy.ClassifierDensity) + ", "
                    + names + ", " + Literals.DoubleArray(densities) + "),");
    }

    private static void WriteModule(SourceWriter writer, ModelSpec model)
    {
        var items = model.Items;
        var layers = items.Where(i => i.Layer is { HasModule: true }).Select(i => i.Layer!).ToList();
        var stages = items.Where(i => i.Stage != null).Select(i => i.Stage!).ToList();
        writer.Summary(
            "Trainable module of <see cref=\"" + model.Type.FullyQualifiedName + "\"/>, layers in declaration order" + (stages.Count > 0 ? ", stages under <c>stages</c>;" : ";"),
            "Conv2d and Linear weights are masked, biases and BatchNorm parameters stay dense.");
        writer.Line(model.Type.Accessibility + " sealed class " + ModuleName(model) + " : " + Names.SparseModule);
        using (writer.OpenBlock())
        {
            foreach (var layer in layers)
                writer.Line("private readonly " + LayerText.ModuleType(layer) + " " + layer.Name + ";");
            foreach (var stage in stages)
                writer.Line("private readonly " + Names.StageModule + " " + StageField(stage) + ";");
            if (layers.Count + stages.Count > 0) writer.Line();

            writer.Summary("Creates the layers with fresh parameters and registers them in forward order.");
            writer.Line("public " + ModuleName(model) + "() : base(" + Literals.String(model.ModelName) + ", " + model.Type.FullyQualifiedName + ".Info)");
            using (writer.OpenBlock())
            {
                var stagesRegistered = false;
                foreach (var item in items)
                {
                    if (item.Layer is { HasModule: true } layer)
                        writer.Line("this." + layer.Name + " = Register(" + Literals.String(layer.Name) + ", " + LayerText.Construction(layer) + ");");
                    else if (item.Stage is { } stage)
                    {
                        if (!stagesRegistered)
                        {
                            writer.Line("var stages = Register(\"stages\", new " + Names.IndexedModuleList + "());");
                            stagesRegistered = true;
                        }
                        WriteStage(writer, stage);
                    }
                }
            }
            writer.Line();

            var output = model.Layers.Count == 0 ? model.InputShape : model.Layers[model.Layers.Count - 1].OutputShape;
            writer.Summary("Forward pass on a batch: [N, " + Literals.ShapeList(model.InputShape) + "] → [N, " + Literals.ShapeList(output) + "].");
            writer.Line("public override " + Names.Tensor + " forward(" + Names.Tensor + " x)");
            using (writer.OpenBlock())
            {
                var forward = new ForwardStatements();
                foreach (var item in items)
                {
                    if (item.Layer is { } layer)
                        foreach (var statement in forward.Layer(layer.Kind, layer.Name, layer.Kernel, layer.Stride, layer.Padding, layer.P, layer.InputShape.Count == 1))
                            writer.Line(statement);
                    else if (item.Stage is { } stage)
                        writer.Line(forward.Stage(StageField(stage)));
                }
                writer.Line("return x;");
            }
        }
    }

    /// <summary><c>this.stage1 = stages.Add(new StageModule(new BasicBlockModule(16, 32, 2), …));</c>, one block per line.</summary>
    private static void WriteStage(SourceWriter writer, StageSpec stage)
    {
        writer.Line("this." + StageField(stage) + " = stages.Add(new " + Names.StageModule + "(");
        using (writer.Indent())
            for (var i = 0; i < stage.Blocks.Count; i++)
            {
                var block = stage.Blocks[i];
                writer.Line("new " + stage.BlockModuleType + "(" + Literals.Long(block.InChannels) + ", " + Literals.Long(block.Channels) + ", "
                    + Literals.Long(block.Stride) + ")" + (i == stage.Blocks.Count - 1 ? "));" : ","));
            }
    }

    private static string StageField(StageSpec stage) => "stage" + stage.Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Erk, density 0.1", with the rules when there are some: "Erk, density 0.1, KeepDense 'first'".</summary>
    private static string Describe(PolicySpec policy, double density)
    {
        var text = policy.Allocation + (policy.Allocation == Allocation.Explicit ? ", implied density " : ", density ") + Literals.Double(density);
        foreach (var rule in policy.Rules) text += ", " + Literals.Xml(PolicyRuleReader.Describe(rule));
        return text;
    }

    private const string MaskedLayerNamesField = "maskedLayerNames";

    private static string ModuleName(ModelSpec model) => model.Type.Name + "Module";

    private static string ModuleFullName(ModelSpec model) => model.Type.Sibling(ModuleName(model));

    private static string Count(long value, string noun) => Literals.Long(value) + " " + noun + (value == 1 ? "" : "s");
}
