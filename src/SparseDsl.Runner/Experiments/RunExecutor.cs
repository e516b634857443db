using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SparseDsl.Checkpoints;
using SparseDsl.Evaluation;
using SparseDsl.Generated;
using SparseDsl.Runner.Commands;
using SparseDsl.Runner.Options;
using SparseDsl.Runner.Reporting;
using SparseDsl.Sparsity;
using SparseDsl.Training;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Runner.Experiments;

/// <summary>
/// Runs one grid point: builds the model, initialises it Kaiming-normal, prunes it at random at initialisation,
/// trains it from scratch with the mask fixed, keeps the best-validation weights, evaluates them on the test set,
/// and records everything in the run folder. In a distributed run (<paramref name="session"/>) every rank draws the
/// masks from the shared seed, checks that they agree, and trains data-parallel; rank 0 alone writes the folder.
/// </summary>
internal sealed class RunExecutor(RunnerOptions options, ExperimentData data, Torch.Device device, ILogger logger,
    DistributedSession? session = null)
{
    /// <summary>Told of every step and epoch (progress display).</summary>
    public RunObserver? Observer { get; init; }

    /// <summary>Trains and tests the run; null on the ranks other than 0 of a distributed run, which only train.</summary>
    public RunOutcome? Run(RunFolder folder, CancellationToken cancellation)
    {
        var coordinator = session?.IsCoordinator ?? true;
        var spec = folder.Configuration.Spec;
        var settings = folder.Configuration.Training;
        var clock = Stopwatch.StartNew();
        var entry = ModelCatalog.Find(spec.Model) ?? throw new ArgumentException($"Unknown model '{spec.Model}'.");
        data.EnsureFits(entry.Info, options.Data.Dataset);
        manual_seed(spec.Seed);
        using var module = entry.Create();
        Initialization.KaimingNormal(module);
        var experiment = options.Experiment;
        var request = options.Policies.Request(spec.Policy, spec.Density, experiment) with
        {
            Seed = spec.Seed,
            SnipBatchSize = settings.BatchSize,
        };
        // Data-driven ratios (SNIP, GraSP) score the freshly initialised model on training batches, before any mask.
        var densities = PolicyDensities.Compute(module, request, data.Train);
        var masks = RandomMasks.Apply(module, densities, spec.Seed, options.Experiment.MaskSampling);
        module.to(device).to(options.Runtime.Layout);  // before the trainer's optimizer: its state follows the layout
        // A rank with other masks would train another network; all ranks stop, naming it (MaskMismatchException).
        if (session is not null) MaskAgreement.Check(module);
        if (coordinator) folder.Create();
        logger.LogInformation("{Run}: {Kept:N0} of {Weights:N0} masked weights kept (realised density {Realised:0.####}) → {Folder}",
            spec.Slug, masks.Kept, masks.Weights, masks.GlobalDensity, folder.Path);

        // latest.safetensors every epoch (the same command resumes after Ctrl+C or a crash), best.safetensors
        // at the best validation accuracy: that model is the one tested, as the paper's recipe prescribes.
        var identity = new CheckpointIdentity(module.Info.Name, CheckpointPolicy(spec));
        var checkpoints = new CheckpointOptions(folder.Path)
        {
            Policy = identity.Policy,
            Configuration = folder.Configuration.Json,
            KeepBest = data.Validation is not null,
            OnResumed = epoch => logger.LogInformation("{Run}: resumed after epoch {Epoch} from {Folder}", spec.Slug, epoch, folder.Path),
        };
        // Training:BatchSize is the global batch: each rank takes its share (the run folder keeps the global one).
        var rankSettings = session is null ? settings : settings with { BatchSize = settings.BatchSize / session.Launch.WorldSize };
        var trainer = new Trainer(rankSettings) { Distributed = session is not null, BucketCapMb = options.Runtime.BucketMb, OnStep = Observer?.Step };
        var history = trainer.Train(module, data.Train, data.Validation, metrics =>
        {
            if (coordinator) folder.AppendEpoch(metrics);
            Observer?.Epoch(metrics);
        }, cancellation, checkpoints);
        if (!coordinator) return null;
        folder.WriteMetrics(history);

        Score? lastValidation = data.Validation is null ? null : Evaluator.Evaluate(module, data.Validation);
        var bestEpoch = history.Count;
        if (checkpoints.KeepBest && File.Exists(checkpoints.BestPath))
        {
            var best = TrainingCheckpoint.Load(checkpoints.BestPath);
            best.RestoreModel(module, identity);
            bestEpoch = best.Epoch;
        }
        // One pass gives accuracy, NLL and calibration; OoD sets and attacks only when Eval:OoD / Eval:Attacks name them.
        var eval = options.Eval;
        var (metrics, calibration) = ModelEvaluation.Run(module, data.Test, options.Data.Dataset, eval, eval.OodSets([]), eval.AttackSet([]),
            logger, cancellation);
        var test = new Score(metrics.Nll, metrics.Top1, metrics.Count);
        Score? bestValidation = data.Validation is null ? null : Evaluator.Evaluate(module, data.Validation);

        var layerInfo = module.Info.PrunableLayers;
        var layers = masks.Layers.Select((l, i) => new LayerOutcome(l.Name, l.Shape, l.Weights, l.TargetDensity, l.Kept, layerInfo[i].MacsPerSample, layerInfo[i].ParameterCount)).ToList();
        var denseMacs = module.Info.MacsPerSample;
        var sparseMacs = RunOutcome.SparseMacsOf(denseMacs, layers);
        var total = module.Info.ParameterCount;
        var outcome = new RunOutcome(spec, masks.GlobalDensity, masks.Weights, masks.Kept, total, total - (masks.Weights - masks.Kept),
            denseMacs, sparseMacs, test, lastValidation, bestValidation, bestEpoch, clock.Elapsed.TotalSeconds, layers, metrics);
        folder.WriteReliability(ReliabilityDiagram.Svg(calibration, $"{spec.Slug} · test"));
        folder.WriteResult(outcome);
        logger.LogInformation("{Run}: test accuracy {Accuracy:P2} (loss {Loss:0.0000}) with the best-validation weights of epoch {Epoch}",
            spec.Slug, test.Accuracy, test.Loss, bestEpoch);
        return outcome;
    }

    private static string CheckpointPolicy(RunSpec spec) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{spec.Policy}@{spec.Density:R}");
}
