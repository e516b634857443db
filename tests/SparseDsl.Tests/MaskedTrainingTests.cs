using SparseDsl.Data;
using SparseDsl.Generated;
using SparseDsl.Modeling;
using SparseDsl.Sparsity;
using SparseDsl.Training;

namespace SparseDsl.Tests;

/// <summary>Training on real Fashion-MNIST keeps pruned weights exactly zero and still learns.</summary>
public class MaskedTrainingTests
{
    private static (DeviceBatches Train, DeviceBatches Test) SmallFashionMnist(int trainCount, int testCount)
    {
        var (train, test) = FashionMnist.Load();
        return (new DeviceBatches(train.Subset([.. Enumerable.Range(0, trainCount).Select(i => (long)i)]), CPU),
                new DeviceBatches(test.Subset([.. Enumerable.Range(0, testCount).Select(i => (long)i)]), CPU));
    }

    [Fact]
    public void Pruned_weights_stay_exactly_zero_after_training_and_the_model_learns()
    {
        var (train, test) = SmallFashionMnist(8192, 1000);
        using var _ = train;
        using var __ = test;
        manual_seed(17);
        using var model = ModelCatalog.Find("lenet5")!.Create();
        Initialization.KaimingNormal(model);
        var densities = LayerDensities.For(model.Info, Allocation.Erk, 0.1);
        var report = RandomMasks.Apply(model, densities, seed: 17, MaskSampling.Exact);
        Assert.InRange(report.GlobalDensity, 0.1 - 1e-3, 0.1 + 1e-3);

        var settings = new TrainingSettings { Epochs = 3, LearningRate = 0.05, WeightDecay = 5e-4, MilestoneFractions = [] };
        var history = new Trainer(settings).Train(model, train, validation: null);

        foreach (var (name, layer) in model.MaskedLayers)
        {
            var weight = layer.weight.data<float>();
            var mask = layer.weight_mask.data<float>();
            var prunedNonZero = weight.Where((w, i) => mask[i] == 0f && w != 0f).Count();
            Assert.True(prunedNonZero == 0, $"{name}: {prunedNonZero} pruned weights are non-zero after training");
            // Kept weights did train: not all still at zero.
            Assert.Contains(weight.Where((w, i) => mask[i] == 1f), w => w != 0f);
        }
        Assert.True(history[^1].Train.Loss < history[0].Train.Loss, "training loss did not fall");
        var accuracy = Evaluator.Evaluate(model, test).Accuracy;
        Assert.True(accuracy > 0.7, $"a 90%-sparse LeNet-5 should beat 70% after 3 short epochs; got {accuracy:P2}");
    }

    [Fact]
    public void Bfloat16_autocast_training_keeps_pruned_weights_zero_learns_and_differs_from_float32()
    {
        var (train, test) = SmallFashionMnist(4096, 1000);
        using var _ = train;
        using var __ = test;
        float[] TrainedWeights(Precision precision, out double accuracy)
        {
            manual_seed(17);
            using var model = ModelCatalog.Find("lenet5")!.Create();
            Initialization.KaimingNormal(model);
            RandomMasks.Apply(model, LayerDensities.For(model.Info, Allocation.Erk, 0.1), seed: 17, MaskSampling.Exact);
            var settings = new TrainingSettings { Epochs = 2, LearningRate = 0.05, MilestoneFractions = [], Precision = precision };
            new Trainer(settings).Train(model, train, validation: null);
            foreach (var (name, layer) in model.MaskedLayers)
            {
                Assert.Equal(ScalarType.Float32, layer.weight.dtype);
                var mask = layer.weight_mask.data<float>();
                Assert.True(layer.weight.data<float>().Where((w, i) => mask[i] == 0f && w != 0f).All(_ => false), $"{name}: pruned weights moved");
            }
            accuracy = Evaluator.Evaluate(model, test).Accuracy;
            return model.MaskedLayers[^1].Layer.weight.data<float>();
        }

        var fp32 = TrainedWeights(Precision.Fp32, out var fp32Accuracy);
        var bf16 = TrainedWeights(Precision.Bf16, out var bf16Accuracy);
        // Same seed, same batches: only the forward arithmetic differs, so the weights must too.
        Assert.NotEqual(fp32, bf16);
        Assert.True(bf16Accuracy > 0.65, $"bf16 autocast training should learn (float32 reached {fp32Accuracy:P2}); got {bf16Accuracy:P2}");
    }

    [Fact]
    public void A_channels_last_model_is_refused_on_the_cpu_before_any_step()
    {
        var (train, _) = SmallFashionMnist(256, 1);
        using var __ = train;
        manual_seed(17);
        using var model = ModelCatalog.Find("fmnist_resnet_8")!.Create();
        model.to(MemoryFormat.ChannelsLast);
        Assert.Equal(MemoryFormat.ChannelsLast, ChannelsLast.Of(model));
        var before = model.parameters().Select(p => p.data<float>()).ToList();
        var e = Assert.Throws<InvalidOperationException>(() => new Trainer(new TrainingSettings { Epochs = 1 }).Train(model, train, validation: null));
        Assert.Contains("channels_last is for CUDA", e.Message);
        Assert.Contains("bench/channels_last_crash.py", e.Message);
        Assert.Equal(before, model.parameters().Select(p => p.data<float>()));

        model.to(MemoryFormat.Contiguous);
        Assert.Equal(MemoryFormat.Contiguous, ChannelsLast.Of(model));
    }

    [Fact]
    public void Channels_last_training_on_cuda_keeps_its_layout_and_pruned_zeros_and_matches_contiguous_training()
    {
        if (!cuda.is_available()) return;  // CUDA only (the CPU refuses the layout, above); listed in docs/gpu.md
        var (cpuTrain, _) = FashionMnist.Load();
        using var train = new DeviceBatches(cpuTrain.Subset([.. Enumerable.Range(0, 1000).Select(i => (long)i)]), CUDA);  // a partial last batch
        float[] Trained(MemoryFormat format)
        {
            manual_seed(17);
            using var model = ModelCatalog.Find("fmnist_resnet_8")!.Create();
            Initialization.KaimingNormal(model);
            RandomMasks.Apply(model, LayerDensities.For(model.Info, Allocation.Erk, 0.1), seed: 17, MaskSampling.Exact);
            model.to(CUDA).to(format);
            new Trainer(new TrainingSettings { Epochs = 1, LearningRate = 0.05, MilestoneFractions = [] }).Train(model, train, validation: null);
            var convolutions = model.MaskedLayers.Where(l => l.Layer.weight.dim() == 4).ToList();
            foreach (var (name, layer) in convolutions)
            {
                Assert.True(layer.weight.is_contiguous(format), $"{name}: training replaced the {format} weight");
                var mask = layer.weight_mask.data<float>();
                Assert.True(layer.weight.data<float>().Where((w, i) => mask[i] == 0f && w != 0f).All(_ => false), $"{name}: pruned weights moved");
            }
            return convolutions[^1].Layer.weight.data<float>();
        }

        var contiguous = Trained(MemoryFormat.Contiguous);
        var channelsLast = Trained(MemoryFormat.ChannelsLast);
        var largest = contiguous.Zip(channelsLast, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(largest < 1e-3f, $"channels-last training drifted from contiguous training by {largest}");
    }

    [Fact]
    public void Float16_on_the_cpu_is_refused_before_training_with_the_fix_named()
    {
        var (train, _) = SmallFashionMnist(256, 1);
        using var t = train;
        using var model = ModelCatalog.Find("mlp")!.Create();
        var error = Assert.Throws<InvalidOperationException>(() =>
            new Trainer(new TrainingSettings { Epochs = 1, Precision = Precision.Fp16 }).Train(model, train, validation: null));
        Assert.Contains("use bf16 on the CPU", error.Message);
    }

    [Fact]
    public void Masks_and_pruned_zeros_survive_a_move_to_the_device()
    {
        manual_seed(1);
        using var model = ModelCatalog.Find("mlp")!.Create();
        RandomMasks.Apply(model, LayerDensities.For(model.Info, Allocation.Uniform, 0.2), seed: 3, MaskSampling.Exact);
        model.to(CPU);
        var names = model.named_buffers().Select(b => b.name).ToList();
        Assert.Contains("fc1.weight_mask", names);
        var (_, layer) = model.MaskedLayers[0];
        var kept = layer.weight_mask.data<float>().Count(v => v == 1f);
        Assert.Equal((long)Math.Round(0.2 * layer.weight.numel()), kept);
    }
}
