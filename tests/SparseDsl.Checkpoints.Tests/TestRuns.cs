using SparseDsl.Checkpoints;
using SparseDsl.Data;
using SparseDsl.Generated;
using SparseDsl.Modeling;
using SparseDsl.Sparsity;
using SparseDsl.Training;

namespace SparseDsl.Checkpoints.Tests;

/// <summary>Small real ingredients for checkpoint tests: Fashion-MNIST slices, masked models, temporary run folders.</summary>
internal static class TestRuns
{
    private static readonly Lazy<ImageDataset> FashionMnistTrain = new(() => FashionMnist.Load().Train);

    /// <summary>Training images [start, start + count) of Fashion-MNIST on the CPU.</summary>
    public static DeviceBatches Slice(int start, int count) =>
        new(FashionMnistTrain.Value.Subset([.. Enumerable.Range(start, count).Select(i => (long)i)]), CPU);

    /// <summary>A freshly initialised model with ERK masks at density 0.1, the same for the same seed.</summary>
    public static SparseModule MaskedModel(string name = "mlp", long seed = 17)
    {
        manual_seed(seed);
        var model = ModelCatalog.Find(name)!.Create();
        Initialization.KaimingNormal(model);
        RandomMasks.Apply(model, LayerDensities.For(model.Info, Allocation.Erk, 0.1), seed, MaskSampling.Exact);
        return model;
    }

    public static TrainingSettings Settings(int epochs = 2) => new() { Epochs = epochs, BatchSize = 64, Seed = 17 };

    public static CheckpointOptions Options(string folder) => new(folder) { Policy = "erk@0.1", Configuration = """{"run":"test"}""" };

    /// <summary>A new empty folder under the system temp folder, deleted on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("sparsedsl-ckpt-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A child process may still hold a file for a moment; the OS cleans the temp folder.
            }
        }
    }
}
