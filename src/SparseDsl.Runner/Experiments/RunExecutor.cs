using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SparseDsl.Generated;
using SparseDsl.Runner.Options;
using SparseDsl.Sparsity;
using SparseDsl.Training;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Runner.Experiments;

/// <summary>
/// Runs one grid point: builds the model, initialises it Kaiming-normal, prunes it at random at initialisation,
/// trains it from scratch with the mask fixed, keeps the best-validation weights, evaluates them on the test set,
/// and records everything in the run folder.
/// </summary>
internal sealed class RunExecutor(RunnerOptions options, ExperimentData data, Torch.Device device, ILogger logger)
{
    /// <summary>Called after each epoch with the run and its metrics (progress display).</summary>
    public Action<RunSpec, EpochMetrics>? EpochFinished { get; init; }

    public RunOutcome Run(RunFolder folder, CancellationToken cancellation)
    {
        var spec = folder.Configuration.Spec;
        var settings = folder.Configuration.Training;
        var clock = Stopwatch.StartNew();
        folder.Create();

        manual_seed(spec.Seed);
        var entry = ModelCatalog.Find(spec.Model) ?? throw new ArgumentException($"Unknown model '{spec.Model}'.");
        using var module = entry.Create();
        Initialization.KaimingNormal(module);
        var densities = LayerDensities.For(module.Info, spec.Allocation, spec.Density);
        var masks = RandomMasks.Apply(module, densities, spec.Seed, options.Experiment.MaskSampling);
        module.to(device);
        logger.LogInformation("{Run}: {Kept:N0} of {Weights:N0} masked weights kept (realised density {Realised:0.####}) → {Folder}",
            spec.Slug, masks.Kept, masks.Weights, masks.GlobalDensity, folder.Path);

        using var best = new BestWeights(module);
        new Trainer(settings).Train(module, data.Train, data.Validation, metrics =>
        {
            folder.AppendEpoch(metrics);
            if (metrics.Validation is { } v) best.Offer(metrics.Epoch, v.Accuracy);
            EpochFinished?.Invoke(spec, metrics);
        }, cancellation);

        Score? lastValidation = data.Validation is null ? null : Evaluator.Evaluate(module, data.Validation);
        best.Restore();
        var test = Evaluator.Evaluate(module, data.Test);
        Score? bestValidation = data.Validation is null ? null : Evaluator.Evaluate(module, data.Validation);

        var layerInfo = module.Info.PrunableLayers;
        var layers = masks.Layers.Select((l, i) => new LayerOutcome(l.Name, l.Shape, l.Weights, l.TargetDensity, l.Kept, layerInfo[i].MacsPerSample)).ToList();
        var denseMacs = module.Info.MacsPerSample;
        var sparseMacs = denseMacs - layers.Sum(l => l.DenseMacs - l.SparseMacs);
        var total = module.Info.ParameterCount;
        var outcome = new RunOutcome(spec, masks.GlobalDensity, masks.Weights, masks.Kept, total, total - (masks.Weights - masks.Kept),
            denseMacs, sparseMacs, test, lastValidation, bestValidation, best.Epoch, clock.Elapsed.TotalSeconds, layers);
        folder.WriteResult(outcome);
        logger.LogInformation("{Run}: test accuracy {Accuracy:P2} (loss {Loss:0.0000}) with the best-validation weights of epoch {Epoch}",
            spec.Slug, test.Accuracy, test.Loss, best.Epoch);
        return outcome;
    }
}
