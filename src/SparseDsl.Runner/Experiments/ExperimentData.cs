using Microsoft.Extensions.Logging;
using SparseDsl.Data;
using SparseDsl.Runner.Options;
using SparseDsl.Torch;

namespace SparseDsl.Runner.Experiments;

/// <summary>The train/validation/test batches of an experiment, loaded once and shared by all its runs.</summary>
public sealed class ExperimentData : IDisposable
{
    /// <summary>
    /// Seed of the validation split: fixed, so every run of every sweep holds out the same images
    /// and validation scores are comparable across seeds.
    /// </summary>
    public const long SplitSeed = 17;

    private ExperimentData(IBatchSource train, IBatchSource? validation, IBatchSource test)
    {
        Train = train;
        Validation = validation;
        Test = test;
    }

    public IBatchSource Train { get; }

    /// <summary>(C, H, W) of one sample, when known before decoding (in-memory datasets).</summary>
    public long[]? SampleShape { get; private init; }
    public IBatchSource? Validation { get; }
    public IBatchSource Test { get; }

    /// <summary>Refuses a model declared for another input shape, naming both shapes (a configuration problem).</summary>
    public void EnsureFits(Modeling.ModelInfo model, string dataset)
    {
        if (SampleShape is { } shape && !model.InputShape.SequenceEqual(shape))
            throw new OptionsException([$"Experiment:Models: {model.Name} takes [{string.Join(", ", model.InputShape)}] inputs but " +
                $"{dataset} images are [{string.Join(", ", shape)}]; choose a model declared for this dataset (see the models command)."]);
    }

    /// <summary>Loads the dataset named by Data:Dataset; the validation split is drawn from <see cref="SplitSeed"/>.</summary>
    public static ExperimentData Load(DataOptions data, Device device, ILogger logger)
    {
        var loaded = data.Dataset == "imagefolder" ? LoadImageFolder(data, device) : LoadInMemory(data, device);
        logger.LogInformation("Data {Dataset} from {Path}: {Train:N0} training, {Validation:N0} validation, {Test:N0} test images",
            data.Dataset, data.Path, loaded.Train.Count, loaded.Validation?.Count ?? 0, loaded.Test.Count);
        return loaded;
    }

    private static ExperimentData LoadInMemory(DataOptions data, Device device)
    {
        var (trainSet, testSet) = data.Dataset switch
        {
            "cifar10" => Cifar.Load10(data.Path),
            "cifar100" => Cifar.Load100(data.Path),
            _ => FashionMnist.Load(data.Path, data.Dataset),
        };
        if (data.TrainLimit > 0 && data.TrainLimit < trainSet.Count)
            trainSet = trainSet.Subset([.. Enumerable.Range(0, data.TrainLimit).Select(i => (long)i)]);
        DeviceBatches? validation = null;
        if (data.ValidationFraction > 0)
        {
            var (trainPart, validationPart) = trainSet.Split(data.ValidationFraction, SplitSeed);
            trainSet = trainPart;
            validation = new DeviceBatches(validationPart, device);
        }
        // The paper's CIFAR augmentation, on training batches only.
        var augment = data.Augment == "on" || (data.Augment == "auto" && data.Dataset.StartsWith("cifar", StringComparison.Ordinal));
        var train = new DeviceBatches(trainSet, device, augment ? RandomCropFlip.Cifar : null, data.Prefetch);
        return new ExperimentData(train, validation, new DeviceBatches(testSet, device))
        {
            SampleShape = [testSet.Channels, testSet.Height, testSet.Width],
        };
    }

    private static ExperimentData LoadImageFolder(DataOptions data, Device device)
    {
        var options = new ImageLoaderOptions { OnCorruptImage = data.OnCorruptImage, Prefetch = Math.Max(1, data.Prefetch) };
        if (data.Workers > 0) options = options with { Workers = data.Workers };
        var trainFolder = ImageFolder.Open(Path.Combine(data.Path, "train"));
        if (data.TrainLimit > 0 && data.TrainLimit < trainFolder.Count)
            trainFolder = trainFolder.Subset([.. Enumerable.Range(0, data.TrainLimit).Select(i => (long)i)]);
        ImageFolderBatches? validation = null;
        if (data.ValidationFraction > 0)
        {
            var (trainPart, validationPart) = trainFolder.Split(data.ValidationFraction, SplitSeed);
            trainFolder = trainPart;
            validation = new ImageFolderBatches(validationPart, ImageTransform.ImageNetEvaluation, device, options);
        }
        var test = ImageFolder.Open(Path.Combine(data.Path, "val"));
        return new ExperimentData(new ImageFolderBatches(trainFolder, ImageTransform.ImageNetTrain, device, options), validation,
            new ImageFolderBatches(test, ImageTransform.ImageNetEvaluation, device, options))
        {
            SampleShape = [3, ImageTransform.ImageNetEvaluation.Crop, ImageTransform.ImageNetEvaluation.Crop],
        };
    }

    public void Dispose()
    {
        (Train as IDisposable)?.Dispose();
        (Validation as IDisposable)?.Dispose();
        (Test as IDisposable)?.Dispose();
    }
}
