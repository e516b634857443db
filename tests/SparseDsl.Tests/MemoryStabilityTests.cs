using System.Diagnostics;
using SparseDsl.Generated;
using SparseDsl.Sparsity;
using SparseDsl.Training;

namespace SparseDsl.Tests;

/// <summary>Tests that read process-wide counters run alone, never beside other tests.</summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection;

/// <summary>Native memory is owned: resident memory stays flat over a long run of training steps.</summary>
[Collection(nameof(SerialCollection))]
public class MemoryStabilityTests
{
    [Fact]
    public void Resident_memory_is_flat_across_10000_training_steps()
    {
        manual_seed(0);
        using var model = ModelCatalog.Find("mlp")!.Create();
        RandomMasks.Apply(model, LayerDensities.For(model.Info, Allocation.Erk, 0.1), seed: 0, MaskSampling.Exact);
        using var optimizer = MaskedSgd.Create(model, new TrainingSettings { LearningRate = 0.01 });
        using var x = randn(8, 1, 28, 28);
        using var y = randint(0, 10, [8]);

        void Steps(int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var scope = NewDisposeScope();
                var loss = nn.functional.cross_entropy(model.forward(x), y);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
        }

        Steps(1000); // allocator caches and JIT settle
        var before = ResidentBytes();
        var handlesBefore = LiveTensorHandles;
        Steps(10_000);
        var growth = ResidentBytes() - before;
        // Every handle made by the steps was freed deterministically (not left to finalizers).
        Assert.Equal(handlesBefore, LiveTensorHandles);
        // A leak of one small tensor per step (8×300 floats ≈ 9.6 KB) would add ≈ 96 MB.
        Assert.True(growth < 24L << 20, $"resident memory grew by {growth / (1 << 20)} MiB over 10,000 steps");
    }

    private static long ResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
