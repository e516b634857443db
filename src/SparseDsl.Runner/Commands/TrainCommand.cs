using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SparseDsl.Data;
using SparseDsl.Modeling;
using SparseDsl.Runner.Options;
using SparseDsl.Sparsity;
using SparseDsl.Training;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Runner.Commands;

/// <summary>
/// The main job: for each configured policy, builds the model, prunes it at random at initialisation,
/// trains it from scratch with the mask fixed, and evaluates it on the test set.
/// </summary>
internal sealed class TrainCommand(RunnerOptions options, ModelEntry model, ILogger<TrainCommand> logger)
{
    public IReadOnlyList<RunResult> Run(CancellationToken cancellation)
    {
        var device = DeviceSelection.Resolve(options.Runtime.Device);
        var experiment = options.Experiment;
        var settings = options.Training.ToSettings(experiment.Seed);
        logger.LogInformation("Model {Model} ({Parameters:N0} parameters), device {Device}, {Threads} threads, {Epochs} epochs",
            model.Name, model.Info.ParameterCount, device, get_num_threads(), settings.Epochs);

        var (train, validation, test) = LoadData(device, experiment.Seed);
        using var _ = train;
        using var __ = validation;
        using var ___ = test;
        var results = new List<RunResult>();
        foreach (var policyName in experiment.Policies)
        {
            PolicyNames.TryParse(policyName, out var allocation);
            results.Add(RunOne(allocation, experiment, settings, device, train, validation, test, cancellation));
        }
        return results;
    }

    private RunResult RunOne(Allocation allocation, ExperimentOptions experiment, TrainingSettings settings, Torch.Device device,
        DeviceBatches train, DeviceBatches? validation, DeviceBatches test, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var policy = PolicyNames.NameOf(allocation);
        var targetDensity = allocation == Allocation.Dense ? 1.0 : experiment.Density;
        manual_seed(experiment.Seed);
        using var module = model.Create();
        Initialization.KaimingNormal(module);
        var densities = LayerDensities.For(module.Info, allocation, targetDensity);
        var masks = RandomMasks.Apply(module, densities, experiment.Seed, experiment.MaskSampling);
        module.to(device);
        logger.LogInformation("{Policy} at density {Density:0.###}: {Kept:N0} of {Weights:N0} masked weights kept (realised {Realised:0.####})",
            policy, targetDensity, masks.Kept, masks.Weights, masks.GlobalDensity);

        var trainer = new Trainer(settings);
        trainer.Train(module, train, validation, m => logger.LogInformation(
            "{Policy} epoch {Epoch}/{Epochs}: lr {Lr:0.#####} train loss {Loss:0.0000} acc {Acc:P2}{Validation} ({Seconds:0.0} s)",
            policy, m.Epoch, m.Epochs, m.LearningRate, m.Train.Loss, m.Train.Accuracy,
            m.Validation is { } v ? $", validation loss {v.Loss:0.0000} acc {v.Accuracy:P2}" : "", m.Elapsed.TotalSeconds), cancellation);
        var testScore = Evaluator.Evaluate(module, test);
        var validationScore = validation is null ? (Score?)null : Evaluator.Evaluate(module, validation);
        logger.LogInformation("{Policy}: test loss {Loss:0.0000}, test accuracy {Acc:P2}", policy, testScore.Loss, testScore.Accuracy);

        var total = module.Info.ParameterCount;
        var pruned = masks.Weights - masks.Kept;
        return new RunResult(model.Name, policy, targetDensity, masks.GlobalDensity, masks.Weights, masks.Kept,
            total, total - pruned, testScore, validationScore, clock.Elapsed);
    }

    private (DeviceBatches Train, DeviceBatches? Validation, DeviceBatches Test) LoadData(Torch.Device device, long seed)
    {
        var data = options.Data;
        var (trainSet, testSet) = FashionMnist.Load(data.Path, data.Dataset);
        if (data.TrainLimit > 0 && data.TrainLimit < trainSet.Count)
            trainSet = trainSet.Subset([.. Enumerable.Range(0, data.TrainLimit).Select(i => (long)i)]);
        DeviceBatches? validation = null;
        if (data.ValidationFraction > 0)
        {
            var (trainPart, validationPart) = trainSet.Split(data.ValidationFraction, seed);
            trainSet = trainPart;
            validation = new DeviceBatches(validationPart, device);
        }
        logger.LogInformation("Data {Dataset} from {Path}: {Train:N0} training, {Validation:N0} validation, {Test:N0} test images",
            data.Dataset, data.Path, trainSet.Count, validation?.Count ?? 0, testSet.Count);
        return (new DeviceBatches(trainSet, device), validation, new DeviceBatches(testSet, device));
    }
}
