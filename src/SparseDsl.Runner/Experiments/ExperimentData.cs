using Microsoft.Extensions.Logging;
using SparseDsl.Data;
using SparseDsl.Runner.Options;
using SparseDsl.Torch;

namespace SparseDsl.Runner.Experiments;

/// <summary>The train/validation/test batches of an experiment, loaded once onto the device and shared by all its runs.</summary>
public sealed class ExperimentData : IDisposable
{
    private ExperimentData(DeviceBatches train, DeviceBatches? validation, DeviceBatches test)
    {
        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>
    /// Seed of the validation split: fixed, so every run of every sweep holds out the same images
    /// and validation scores are comparable across seeds.
    /// </summary>
    public const long SplitSeed = 17;

    public DeviceBatches Train { get; }
    public DeviceBatches? Validation { get; }
    public DeviceBatches Test { get; }

    /// <summary>Loads the dataset; the validation split is drawn from <see cref="SplitSeed"/>, the same for every run.</summary>
    public static ExperimentData Load(DataOptions data, Device device, ILogger logger)
    {
        var (trainSet, testSet) = FashionMnist.Load(data.Path, data.Dataset);
        if (data.TrainLimit > 0 && data.TrainLimit < trainSet.Count)
            trainSet = trainSet.Subset([.. Enumerable.Range(0, data.TrainLimit).Select(i => (long)i)]);
        DeviceBatches? validation = null;
        if (data.ValidationFraction > 0)
        {
            var (trainPart, validationPart) = trainSet.Split(data.ValidationFraction, SplitSeed);
            trainSet = trainPart;
            validation = new DeviceBatches(validationPart, device);
        }
        logger.LogInformation("Data {Dataset} from {Path}: {Train:N0} training, {Validation:N0} validation, {Test:N0} test images",
            data.Dataset, data.Path, trainSet.Count, validation?.Count ?? 0, testSet.Count);
        return new ExperimentData(new DeviceBatches(trainSet, device), validation, new DeviceBatches(testSet, device));
    }

    public void Dispose()
    {
        Train.Dispose();
        Validation?.Dispose();
        Test.Dispose();
    }
}
