using SparseDsl.Generated;

namespace SparseDsl.Models.Tests;

/// <summary>Checkpoints rely on the dotted parameter names; these pin them for a residual network and a pre-activation one.</summary>
public class ParameterNameTests
{
    [Fact]
    public void Cifar_resnet_names_its_parameters_by_stage_block_and_layer()
    {
        using var model = ModelCatalog.Find("cifar_resnet_20")!.Create();
        var names = model.named_parameters().Select(p => p.name).ToList();
        Assert.Equal(["conv1.weight", "bn1.weight", "bn1.bias", "stages.0.blocks.0.conv1.weight", "stages.0.blocks.0.bn1.weight"], names.Take(5));
        Assert.Equal(
            ["stages.1.blocks.0.conv1.weight", "stages.1.blocks.0.bn1.weight", "stages.1.blocks.0.bn1.bias", "stages.1.blocks.0.conv2.weight",
             "stages.1.blocks.0.bn2.weight", "stages.1.blocks.0.bn2.bias", "stages.1.blocks.0.shortcut.conv.weight",
             "stages.1.blocks.0.shortcut.bn.weight", "stages.1.blocks.0.shortcut.bn.bias", "stages.1.blocks.1.conv1.weight"],
            names.SkipWhile(n => !n.StartsWith("stages.1.", StringComparison.Ordinal)).Take(10));
        Assert.Equal(["fc1.weight", "fc1.bias"], names.TakeLast(2));
        Assert.DoesNotContain(names, n => n.StartsWith("stages.0.blocks.1.shortcut", StringComparison.Ordinal));

        var buffers = model.named_buffers().Select(b => b.name).ToList();
        Assert.Contains("stages.2.blocks.0.shortcut.conv.weight_mask", buffers);
        Assert.Contains("stages.2.blocks.0.shortcut.bn.running_var", buffers);
    }

    [Fact]
    public void Wide_resnet_projects_with_a_convolution_only()
    {
        using var model = ModelCatalog.Find("wrn_28_10")!.Create();
        var names = model.named_parameters().Select(p => p.name).ToHashSet();
        Assert.Contains("stages.0.blocks.0.shortcut.conv.weight", names); // 16 → 160 channels
        Assert.DoesNotContain("stages.0.blocks.0.shortcut.bn.weight", names);
        Assert.DoesNotContain("stages.0.blocks.1.shortcut.conv.weight", names);
        Assert.Contains("stages.2.blocks.3.conv2.weight", names);
        Assert.Contains("bn1.weight", names); // the final BatchNorm before pooling
    }
}
