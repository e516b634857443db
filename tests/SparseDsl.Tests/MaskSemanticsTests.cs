using SparseDsl.Data;
using SparseDsl.Generated;
using SparseDsl.Modeling;
using SparseDsl.Sparsity;
using SparseDsl.Torch.Optim;
using SparseDsl.Training;

namespace SparseDsl.Tests;

/// <summary>
/// Masked training semantics, each checked where it could break: pruned weights stay exactly zero after every step,
/// their gradients are masked before the update, momentum and weight decay never reach them, masks travel with the
/// module, and mask sampling realises what it reports.
/// </summary>
public class MaskSemanticsTests
{
    private static readonly TrainingSettings Settings = new() { LearningRate = 0.1, Momentum = 0.9, Nesterov = true, WeightDecay = 5e-4 };

    /// <summary>LeNet-5, Kaiming-normal, ERK masks at density 0.1 drawn with exact counts.</summary>
    private static SparseModule MaskedLeNet(long seed = 17)
    {
        manual_seed(seed);
        var model = ModelCatalog.Find("lenet5")!.Create();
        Initialization.KaimingNormal(model);
        RandomMasks.Apply(model, LayerDensities.For(model.Info, Allocation.Erk, 0.1), seed, MaskSampling.Exact);
        return model;
    }

    private static (Tensor X, Tensor Y) Batch(int size = 32)
    {
        var x = randn(size, 1, 28, 28);
        var y = randint(10, [size]);
        return (x, y);
    }

    private static void ForwardBackward(SparseModule model, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        nn.functional.cross_entropy(model.forward(x), y).backward();
    }

    /// <summary>The positions a layer's mask prunes, from the mask itself.</summary>
    private static bool[] Pruned(IMaskedLayer layer) => [.. layer.weight_mask.data<float>().Select(m => m == 0f)];

    [Fact]
    public void Pruned_weights_are_exactly_zero_after_every_step()
    {
        using var model = MaskedLeNet();
        using var optimizer = MaskedSgd.Create(model, Settings);
        var initial = model.MaskedLayers.Select(l => l.Layer.weight.data<float>()).ToList();
        for (var step = 0; step < 10; step++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = Batch();
            optimizer.zero_grad();
            ForwardBackward(model, x, y);
            optimizer.step();
            foreach (var (name, layer) in model.MaskedLayers)
            {
                var weight = layer.weight.data<float>();
                var pruned = Pruned(layer);
                var revived = pruned.Select((p, i) => p && weight[i] != 0f).Count(r => r);
                Assert.True(revived == 0, $"step {step}: {revived} pruned weights of {name} are not exactly 0");
            }
        }
        // The kept weights did move: the test would notice training that does nothing.
        Assert.All(model.MaskedLayers.Select((l, i) => (l, i)), p =>
            Assert.NotEqual(initial[p.i], p.l.Layer.weight.data<float>()));
    }

    [Fact]
    public void Gradients_of_pruned_weights_are_masked_before_the_optimizer_uses_them()
    {
        using var model = MaskedLeNet();
        var parameters = model.parameters().ToList();
        using var optimizer = MaskedSgd.Create(model, Settings);
        using var scope = NewDisposeScope();
        var (x, y) = Batch();
        optimizer.zero_grad();
        ForwardBackward(model, x, y);

        // The masks MaskedSgd hands the optimizer are each masked weight's own mask, and nothing for other parameters.
        var masks = MaskedSgd.GradientMasks(model, parameters);
        var maskedIndex = model.MaskedLayers.Select(l => parameters.FindIndex(p => ReferenceEquals(p, l.Layer.weight))).ToList();
        Assert.Equal(model.MaskedLayers.Count, masks.Count(m => m is not null));
        var before = new List<(float[] Weight, float[] RawGradient, float[] Mask)>();
        foreach (var ((_, layer), index) in model.MaskedLayers.Zip(maskedIndex))
        {
            Assert.Same(layer.weight_mask, masks[index]);
            before.Add((layer.weight.data<float>(), layer.weight.grad!.data<float>(), layer.weight_mask.data<float>()));
        }
        // Backward alone does give pruned weights a gradient: without masking, the step would revive them.
        Assert.Contains(before, b => b.RawGradient.Where((g, i) => b.Mask[i] == 0f && g != 0f).Any());

        optimizer.step();

        for (var l = 0; l < before.Count; l++)
        {
            var layer = model.MaskedLayers[l].Layer;
            var (weight, raw, mask) = before[l];
            // The optimizer masked the gradient in place: what it used is zero at every pruned position.
            var used = layer.weight.grad!.data<float>();
            var after = layer.weight.data<float>();
            for (var i = 0; i < weight.Length; i++)
            {
                var g = raw[i] * mask[i];
                Assert.Equal(g, used[i]);
                // First step with Nesterov momentum: buf = g + wd·w; update = g + wd·w + momentum·buf.
                var dp = g + Settings.WeightDecay * weight[i];
                var expected = weight[i] - Settings.LearningRate * (dp + Settings.Momentum * dp);
                if (mask[i] == 0f) Assert.Equal(0f, after[i]);
                else Assert.Equal(expected, after[i], 1e-6);
            }
        }
    }

    [Fact]
    public void Momentum_buffers_are_zero_at_pruned_positions()
    {
        using var model = MaskedLeNet();
        var parameters = model.parameters().ToList();
        using var optimizer = MaskedSgd.Create(model, Settings);
        for (var step = 0; step < 5; step++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = Batch();
            optimizer.zero_grad();
            ForwardBackward(model, x, y);
            optimizer.step();
        }
        foreach (var (name, layer) in model.MaskedLayers)
        {
            var buffer = optimizer.MomentumBuffers[parameters.FindIndex(p => ReferenceEquals(p, layer.weight))]!.data<float>();
            var pruned = Pruned(layer);
            Assert.True(buffer.Where((b, i) => pruned[i] && b != 0f).Count() == 0, $"{name}: momentum at pruned positions");
            Assert.Contains(buffer.Where((_, i) => !pruned[i]), b => b != 0f);
        }
    }

    [Fact]
    public void Weight_decay_shrinks_kept_weights_and_leaves_pruned_ones_at_zero()
    {
        // A loss with zero gradient isolates weight decay: kept weights shrink by (1 − lr·wd) per step, pruned stay 0.
        using var model = MaskedLeNet();
        var settings = Settings with { LearningRate = 0.5, Momentum = 0, Nesterov = false, WeightDecay = 0.1 };
        using var optimizer = MaskedSgd.Create(model, settings);
        var before = model.MaskedLayers.Select(l => l.Layer.weight.data<float>()).ToList();
        using (var scope = NewDisposeScope())
        {
            var (x, y) = Batch();
            optimizer.zero_grad();
            model.forward(x).sum().mul(0).backward();
            optimizer.step();
        }
        for (var l = 0; l < before.Count; l++)
        {
            var layer = model.MaskedLayers[l].Layer;
            var after = layer.weight.data<float>();
            var pruned = Pruned(layer);
            for (var i = 0; i < after.Length; i++)
                if (pruned[i]) Assert.Equal(0f, after[i]);
                else Assert.Equal(before[l][i] * (1 - 0.5 * 0.1), after[i], 1e-6);
        }
    }

    [Fact]
    public void Training_with_the_trainer_keeps_pruned_weights_zero_under_momentum_and_heavy_weight_decay()
    {
        // Synthetic 28×28 images through the real Trainer (Nesterov momentum, heavy weight decay).
        var random = new Random(1);
        var pixels = new byte[256 * 784];
        random.NextBytes(pixels);
        var labels = Enumerable.Range(0, 256).Select(i => (byte)(i % 10)).ToArray();
        using var data = new DeviceBatches(new ImageDataset("synthetic", pixels, labels, 1, 28, 28, 10, [0.5], [0.25]), CPU);
        using var model = MaskedLeNet();
        new Trainer(Settings with { Epochs = 2, BatchSize = 64, WeightDecay = 0.05, MilestoneFractions = [] }).Train(model, data, validation: null);
        foreach (var (name, layer) in model.MaskedLayers)
        {
            var weight = layer.weight.data<float>();
            var pruned = Pruned(layer);
            Assert.True(weight.Where((w, i) => pruned[i] && w != 0f).Count() == 0, $"{name}: pruned weights moved");
        }
        Assert.Equal(0.1, SparsitySummary.Of(model).GlobalDensity, 1e-3);
    }

    [Fact]
    public void Masks_are_buffers_so_they_travel_with_the_module_and_into_its_state()
    {
        using var model = MaskedLeNet();
        var state = model.state_dict().ToDictionary(e => e.name, e => e.tensor);
        foreach (var (name, layer) in model.MaskedLayers)
        {
            Assert.Contains($"{name}.weight_mask", model.named_buffers().Select(b => b.name)); // what Module.to moves
            Assert.Same(layer.weight_mask, state[$"{name}.weight_mask"]);
        }

        // A checkpoint restored into a fresh module brings the masks and the pruned zeros back.
        manual_seed(99);
        using var fresh = ModelCatalog.Find("lenet5")!.Create();
        using (no_grad())
            foreach (var (name, tensor) in fresh.state_dict()) tensor.copy_(state[name]);
        foreach (var ((_, original), (_, restored)) in model.MaskedLayers.Zip(fresh.MaskedLayers))
        {
            Assert.True(original.weight_mask.equal(restored.weight_mask));
            Assert.True(original.weight.equal(restored.weight));
        }

        if (!cuda.is_available()) return; // the move itself needs a GPU
        using var scope = NewDisposeScope();
        var cpuMasks = model.MaskedLayers.Select(l => l.Layer.weight_mask.clone()).ToList();
        model.to(new Device(DeviceType.CUDA, 0));
        foreach (var ((name, layer), cpuMask) in model.MaskedLayers.Zip(cpuMasks))
        {
            Assert.Equal(DeviceType.CUDA, layer.weight_mask.device.type);
            Assert.True(layer.weight_mask.cpu().equal(cpuMask), $"{name}: mask changed in the move");
        }
    }

    public static TheoryData<string, Allocation, double> SamplingCases()
    {
        var data = new TheoryData<string, Allocation, double>();
        foreach (var model in new[] { "lenet5", "mlp" })
            foreach (var allocation in new[] { Allocation.Uniform, Allocation.Er, Allocation.Erk, Allocation.ErkPlus })
                foreach (var density in new[] { 0.02, 0.05, 0.1, 0.3 }) // ERK+ needs d·N above the dense classifier
                    data.Add(model, allocation, density);
        return data;
    }

    [Theory]
    [MemberData(nameof(SamplingCases))]
    public void Exact_sampling_realises_the_target_within_one_weight_per_layer(string modelName, Allocation allocation, double density)
    {
        using var model = ModelCatalog.Find(modelName)!.Create();
        var densities = LayerDensities.For(model.Info, allocation, density);
        var report = RandomMasks.Apply(model, densities, seed: 5, MaskSampling.Exact);
        var layers = model.Info.PrunableLayers;
        for (var i = 0; i < layers.Count; i++)
        {
            Assert.InRange(report.Layers[i].Kept - densities[i] * layers[i].WeightCount, -0.5, 0.5);
            Assert.Equal(report.Layers[i].Kept, model.MaskedLayers[i].Layer.weight_mask.count_nonzero());
        }
        Assert.InRange(Math.Abs(report.Kept - density * model.Info.PrunableWeightCount), 0, layers.Count);
        Assert.InRange(Math.Abs(report.GlobalDensity - density), 0, (double)layers.Count / model.Info.PrunableWeightCount);
    }

    [Fact]
    public void Bernoulli_sampling_is_available_and_reports_what_it_drew()
    {
        using var model = ModelCatalog.Find("mlp")!.Create();
        var densities = LayerDensities.For(model.Info, Allocation.Erk, 0.1);
        var report = RandomMasks.Apply(model, densities, seed: 5, MaskSampling.Bernoulli);
        for (var i = 0; i < report.Layers.Count; i++)
            Assert.Equal(model.MaskedLayers[i].Layer.weight_mask.count_nonzero(), report.Layers[i].Kept);
        Assert.Equal(report.Kept, SparsitySummary.Of(model).Kept);
        // Bernoulli counts vary around d·N (σ = √(Σ n·d·(1−d)) ≈ 155 here), unlike exact counts.
        Assert.InRange(report.Kept, 26620 - 800, 26620 + 800);
        Assert.NotEqual(RandomMasks.Apply(model, densities, seed: 5, MaskSampling.Exact).Kept, report.Kept);
        Assert.Equal(report.Kept, RandomMasks.Apply(model, densities, seed: 5, MaskSampling.Bernoulli).Kept); // seeded
    }
}
