// The consumer project of eng/package-smoke-test.sh: it references only the SparseDsl package, declares its own
// models, and checks what the generator made of them at run time. Any mismatch exits with code 1.
using SparseDsl;
using SparseDsl.Generated;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

var failures = 0;
void Check(bool condition, string what)
{
    Console.WriteLine((condition ? "ok    " : "FAIL  ") + what);
    if (!condition) failures++;
}

using (var scope = NewDisposeScope())
{
    foreach (var entry in ModelCatalog.All)
    {
        using var model = entry.Create();
        var input = randn([2, .. entry.Info.InputShape]);
        var output = model.forward(input);
        Check(output.shape.SequenceEqual([2, .. entry.Info.OutputShape]),
            $"{entry.Name} ({string.Join(", ", entry.Aliases)}): forward [2, {string.Join(", ", entry.Info.InputShape)}] → [{string.Join(", ", output.shape)}], {entry.Info.ParameterCount:N0} parameters");
        var counted = model.named_parameters().Sum(p => p.parameter.numel());
        Check(counted == entry.Info.ParameterCount, $"{entry.Name}: the module has the layer table's {entry.Info.ParameterCount:N0} parameters");
    }
}

Check(ModelCatalog.Find("tiny_resnet_wide") is { Name: "TinyResnetWide" }, "a variant is found by its name");
Check(TinyResNet.Variants.Count == 2, "the family lists its two variants");
Check(TinyResnetWide.Info.FindLayer("stages.1.blocks.0.shortcut.conv") is { WeightShape: [32, 16, 1, 1] }, "the strided block has a projection shortcut");
Check(TinyResnet.DensityTables.Single().PolicyName == "Erk80", "density tables are computed for the declared policy");
return failures == 0 ? 0 : 1;

[Block]
[Conv2d(8, 3, Padding = 1, Strided = true, Bias = false), BatchNorm2d, ReLU]
[Conv2d(8, 3, Padding = 1, Bias = false), BatchNorm2d]
[Residual]
[ReLU]
public partial record Basic;

[ModelFamily(3, 16, 16, BaseWidth = 8)]
[Conv2d(8, 3, Padding = 1, Bias = false), BatchNorm2d, ReLU]
[Stage(typeof(Basic), 8, Blocks = 2)]
[Stage(typeof(Basic), 16, Stride = 2)]
[GlobalAvgPool, Linear(10)]
[Variant("tiny_resnet")]
[Variant("tiny_resnet_wide", Width = 16)]
public partial record TinyResNet;

[SparseModel(1, 28, 28, Name = "tiny_mlp")]
[Flatten, Linear(32), ReLU, Linear(10)]
public partial record TinyMlp;

[SparsityPolicy(Allocation.Erk, 0.2)]
public partial record Erk80;
