using System.Reflection;
using Microsoft.CodeAnalysis;
using SparseDsl.Generators.Tests.Infrastructure;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Tests;

/// <summary>
/// Compiles the real model declarations with the generated code against the real runtime, loads the assembly and
/// checks what the generated members return at run time.
/// </summary>
public class GeneratedModelTests
{
    /// <summary>LeNet5, the MLP family and the policies of the zoo (the rest would only make compiling slower; SparseDsl.Models.Tests runs them all).</summary>
    private static readonly Lazy<Assembly> Models = new(() => GeneratorHarness.CompileAndLoad(
        [.. GeneratorHarness.ModelsProjectSources().Where(s => s.Path is "/models/LeNet5.cs" or "/models/Mlp.cs" or "/models/Policies.cs")],
        "SDSL0041")); // Erk90StemDense also names vgg16, which this subset leaves out

    private static object? Static(string typeName, string member) =>
        Models.Value.GetType(typeName, throwOnError: true)!.GetProperty(member)!.GetValue(null);

    private static ModelInfo Info(string model) => (ModelInfo)Static("SparseDsl.Models." + model, "Info")!;

    private static Sparsity.SparsityPolicy Policy(string name) =>
        (Sparsity.SparsityPolicy)Models.Value.GetType("SparseDsl.Generated.ModelCatalog", throwOnError: true)!.GetMethod("FindPolicy")!.Invoke(null, [name])!;

    private static IReadOnlyList<DensityTable> Tables(string model) => (IReadOnlyList<DensityTable>)Static("SparseDsl.Models." + model, "DensityTables")!;

    [Fact]
    public void LeNet5_layer_table()
    {
        var info = Info("LeNet5");
        Assert.Equal("LeNet5", info.Name);
        Assert.Equal(["lenet5"], info.Aliases);
        Assert.Equal([1L, 28, 28], info.InputShape);
        Assert.Equal([10L], info.OutputShape);

        // name, kind, input, output, weight, parameters, MACs, prunable — by hand:
        //   conv1: 6·1·5·5 + 6 = 156 parameters; 6·28·28 outputs × 1·5·5 = 117600 MACs
        //   conv2: 16·6·5·5 + 16 = 2416; 16·10·10 × 6·5·5 = 240000
        //   fc1: 400·120 + 120 = 48120, 48000 MACs; fc2: 120·84 + 84 = 10164, 10080; fc3: 84·10 + 10 = 850, 840
        (string, LayerKind, long[], long[], long[], long, long, bool)[] expected =
        [
            ("conv1", LayerKind.Conv2d, [1, 28, 28], [6, 28, 28], [6, 1, 5, 5], 156, 117600, true),
            ("relu1", LayerKind.ReLU, [6, 28, 28], [6, 28, 28], [], 0, 0, false),
            ("maxpool1", LayerKind.MaxPool2d, [6, 28, 28], [6, 14, 14], [], 0, 0, false),
            ("conv2", LayerKind.Conv2d, [6, 14, 14], [16, 10, 10], [16, 6, 5, 5], 2416, 240000, true),
            ("relu2", LayerKind.ReLU, [16, 10, 10], [16, 10, 10], [], 0, 0, false),
            ("maxpool2", LayerKind.MaxPool2d, [16, 10, 10], [16, 5, 5], [], 0, 0, false),
            ("flatten1", LayerKind.Flatten, [16, 5, 5], [400], [], 0, 0, false),
            ("fc1", LayerKind.Linear, [400], [120], [120, 400], 48120, 48000, true),
            ("relu3", LayerKind.ReLU, [120], [120], [], 0, 0, false),
            ("fc2", LayerKind.Linear, [120], [84], [84, 120], 10164, 10080, true),
            ("relu4", LayerKind.ReLU, [84], [84], [], 0, 0, false),
            ("fc3", LayerKind.Linear, [84], [10], [10, 84], 850, 840, true),
        ];
        Assert.Equal(expected, info.Layers.Select(l =>
            (l.Name, l.Kind, l.InputShape.ToArray(), l.OutputShape.ToArray(), l.WeightShape.ToArray(), l.ParameterCount, l.MacsPerSample, l.Prunable)));

        Assert.Equal(61706, info.ParameterCount);
        Assert.Equal(416520, info.MacsPerSample);
        Assert.Equal(61470, info.PrunableWeightCount);
        Assert.Equal(WeightShapes.LeNet5, info.GetPrunableWeightShapes());
    }

    [Fact]
    public void Mlp_layer_table()
    {
        var info = Info("Mlp");
        Assert.Equal(["flatten1", "fc1", "relu1", "fc2", "relu2", "fc3"], info.Layers.Select(l => l.Name));
        Assert.Equal([784L], info.Layers[0].OutputShape);
        // 784·300 + 300 + 300·100 + 100 + 100·10 + 10
        Assert.Equal(266610, info.ParameterCount);
        Assert.Equal(266200, info.MacsPerSample);
        Assert.Equal(WeightShapes.Mlp, info.GetPrunableWeightShapes());
    }

    [Fact]
    public void Compile_time_density_tables_equal_the_run_time_allocation()
    {
        foreach (var model in new[] { "LeNet5", "Mlp" })
        {
            var info = Info(model);
            var tables = Tables(model);
            Assert.Equal(model == "LeNet5"
                    ? ["Dense", "Erk90", "Erk90StemDense", "LeNet5Handpicked", "Uniform90", "Uniform95Classifier20"]
                    : ["Dense", "Erk90", "Uniform90", "Uniform95Classifier20"],
                tables.Select(t => t.PolicyName));
            foreach (var table in tables)
            {
                // The declared policy as the runtime sees it (rules included), through the run-time allocation.
                var policy = Policy(table.PolicyName);
                var runtime = DensityTable.Create(info, policy);
                Assert.Equal(runtime.Density, table.Density);
                Assert.Equal(runtime.LayerNames, table.LayerNames);
                Assert.Equal(runtime.Densities, table.Densities);
                var kept = info.PrunableLayers.Select((l, i) => table.Densities[i] * l.WeightCount).Sum();
                Assert.Equal(table.Density * info.PrunableWeightCount, kept, 1e-9 * info.PrunableWeightCount);
            }
        }
    }

    [Fact]
    public void Catalog_finds_models_and_policies_by_name_ignoring_case()
    {
        var catalog = Models.Value.GetType("SparseDsl.Generated.ModelCatalog", throwOnError: true)!;
        object? Find(string method, string name) => catalog.GetMethod(method)!.Invoke(null, [name]);
        object? Property(object entry, string name) => entry.GetType().GetProperty(name)!.GetValue(entry);

        var lenet = Find("Find", "LENET5")!;
        Assert.Same(Info("LeNet5"), Property(lenet, "Info"));
        Assert.Same(Tables("LeNet5"), Property(lenet, "DensityTables"));
        Assert.Equal("Mlp", Property(Find("Find", "mlp")!, "Name"));
        Assert.Null(Find("Find", "resnet20"));

        var erk = (Sparsity.SparsityPolicy)Find("FindPolicy", "erk90")!;
        Assert.Equal((Allocation.Erk, 0.1), (erk.Allocation, erk.Density));
        Assert.Null(Find("FindPolicy", "snip"));
    }

    [Fact]
    public void Every_layer_kind_counts_parameters_and_macs()
    {
        var assembly = GeneratorHarness.CompileAndLoad([(GeneratorHarness.DeclarationsPath, Declarations.EveryLayerKind)]);
        var info = (ModelInfo)assembly.GetType("T.Kinds", throwOnError: true)!.GetProperty("Info")!.GetValue(null)!;

        Assert.Equal(
            ["conv1", "bn1", "relu1", "grouped", "bn2", "relu2", "avgpool1", "maxpool1", "gap1", "flatten1", "fc1", "bn3", "relu3", "dropout1", "fc2"],
            info.Layers.Select(l => l.Name));
        // conv1 16·3·3·3 (no bias); bn 2·16; grouped 32·(16/4)·3·3 + 32; bn 2·32; fc1 32·64 + 64; bn1d 2·64; fc2 64·10.
        Assert.Equal([432L, 32, 0, 1184, 64, 0, 0, 0, 0, 0, 2112, 128, 0, 0, 640], info.Layers.Select(l => l.ParameterCount));
        // conv1 16·32·32 × 3·3·3; grouped 32·16·16 × 4·3·3; fc1 32·64; fc2 64·10.
        Assert.Equal([442368L, 0, 0, 294912, 0, 0, 0, 0, 0, 0, 2048, 0, 0, 0, 640], info.Layers.Select(l => l.MacsPerSample));
        Assert.Equal([32L, 4, 3, 3], info.FindLayer("grouped")!.WeightShape);
        Assert.Equal([32L, 16, 16], info.FindLayer("grouped")!.OutputShape);
        Assert.Equal([32L, 8, 8], info.FindLayer("maxpool1")!.OutputShape);
        Assert.Equal([32L], info.FindLayer("gap1")!.OutputShape);
        Assert.Equal([64L], info.FindLayer("bn3")!.WeightShape);
        Assert.Equal(["conv1", "grouped", "fc1", "fc2"], info.PrunableLayers.Select(l => l.Name));
    }

    [Fact]
    public void CreateModule_builds_the_generated_module_class()
    {
        var module = Models.Value.GetType("SparseDsl.Models.LeNet5", throwOnError: true)!.GetMethod("CreateModule")!.Invoke(null, null)!;
        Assert.Equal("SparseDsl.Models.LeNet5Module", module.GetType().FullName);
        (module as IDisposable)?.Dispose();
    }
}
