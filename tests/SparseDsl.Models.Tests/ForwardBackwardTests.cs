using SparseDsl.Generated;
using SparseDsl.Modeling;

namespace SparseDsl.Models.Tests;

/// <summary>
/// Every model of the catalog builds, its module matches its compile-time layer table (parameter names, shapes and
/// count, masked layers in table order), and a forward and backward pass run on random input of its declared shape.
/// Batch 2, except 1 for the 224×224 ImageNet models (BatchNorm still sees 7×7 values per channel).
/// </summary>
public class ForwardBackwardTests
{
    public static TheoryData<string> CatalogModels() => [.. ModelCatalog.All.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(CatalogModels))]
    public void Module_matches_its_table_and_runs_forward_and_backward(string name)
    {
        var entry = ModelCatalog.Find(name)!;
        var info = entry.Info;
        manual_seed(0);
        using var model = entry.Create();
        using var scope = NewDisposeScope();

        ModuleMatchesTable(model, info);

        var batch = info.InputShape.Count == 3 && info.InputShape[1] >= 224 ? 1 : 2;
        var input = randn([batch, .. info.InputShape]);
        var output = model.forward(input);
        Assert.Equal([batch, .. info.OutputShape], output.shape);
        output.square().mean().backward();
        foreach (var (parameterName, parameter) in model.named_parameters())
        {
            var grad = parameter.grad;
            Assert.True(grad is not null, $"{name}: {parameterName} has no gradient");
            Assert.Equal(parameter.shape, grad.shape);
        }
    }

    /// <summary>Names, shapes and count of the parameters, and the masked layers, as the layer table states them.</summary>
    internal static void ModuleMatchesTable(SparseModule model, ModelInfo info)
    {
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal(info.ParameterCount, parameters.Values.Sum(s => s.Aggregate(1L, (a, b) => a * b)));
        foreach (var layer in info.Layers.Where(l => l.WeightShape.Count > 0))
            Assert.Equal(layer.WeightShape, parameters[layer.Name + ".weight"]);
        Assert.Equal(info.PrunableLayers.Select(l => l.Name), model.MaskedLayers.Select(m => m.Name));
    }
}
