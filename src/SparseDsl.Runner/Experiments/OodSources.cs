using SparseDsl.Data;
using SparseDsl.Evaluation;
using SparseDsl.Runner.Options;
using SparseDsl.Torch;

namespace SparseDsl.Runner.Experiments;

/// <summary>Makes the OoD sets named by Eval:OoD, each the size of the test set (a dataset: its own test split).</summary>
internal static class OodSources
{
    /// <summary>The set, normalised like <paramref name="test"/>; dispose it after use (a loaded dataset holds device memory).</summary>
    public static IBatchSource Create(OodRequest request, IBatchSource test, IReadOnlyList<long> sampleShape, long seed, int limit)
    {
        var normalization = InputNormalization.Of(test);
        return request.Name switch
        {
            "gaussian" => new NoiseBatches(NoiseKind.Gaussian, test.Count, sampleShape, normalization, test.Device, test.Classes, seed),
            "uniform" => new NoiseBatches(NoiseKind.Uniform, test.Count, sampleShape, normalization, test.Device, test.Classes, seed),
            "vflip" => new VerticalFlipBatches(test),
            _ => LoadDataset(request, test, sampleShape, normalization, limit),
        };
    }

    private static DeviceBatches LoadDataset(OodRequest request, IBatchSource test, IReadOnlyList<long> sampleShape, InputNormalization normalization, int limit)
    {
        var path = request.Path ?? FashionMnist.DefaultDirectory;
        var images = EvalData.LoadTestSplit(request.Name, path, limit);
        if (images.Channels != sampleShape[0] || images.Height != sampleShape[1] || images.Width != sampleShape[2])
            throw new OptionsException([$"Eval:OoD: {request.Name} images are [{images.Channels}, {images.Height}, {images.Width}] but the model takes " +
                $"[{string.Join(", ", sampleShape)}]; choose an OoD dataset of the same image size (or a synthetic set)."]);
        // The model sees OoD images through its own (in-distribution) normalisation, as it would in deployment.
        return new DeviceBatches(images with { Mean = [.. normalization.Mean], Std = [.. normalization.Std] }, test.Device);
    }
}

/// <summary>The test split alone, for eval and OoD datasets (no training images are decoded for image folders).</summary>
internal static class EvalData
{
    public static ImageDataset LoadTestSplit(string dataset, string path, int limit)
    {
        var (_, test) = dataset switch
        {
            "cifar10" => Cifar.Load10(path),
            "cifar100" => Cifar.Load100(path),
            "fashion-mnist" or "mnist" => FashionMnist.Load(path, dataset),
            _ => throw new ArgumentException($"'{dataset}' is not an in-memory dataset."),
        };
        return limit > 0 && limit < test.Count ? test.Subset([.. Enumerable.Range(0, limit).Select(i => (long)i)]) : test;
    }

    public static IBatchSource LoadTest(string dataset, string path, Device device, int limit)
    {
        if (dataset != "imagefolder") return new DeviceBatches(LoadTestSplit(dataset, path, limit), device);
        var folder = ImageFolder.Open(System.IO.Path.Combine(path, "val"));
        if (limit > 0 && limit < folder.Count) folder = folder.Subset([.. Enumerable.Range(0, limit).Select(i => (long)i)]);
        return new ImageFolderBatches(folder, ImageTransform.ImageNetEvaluation, device);
    }
}
