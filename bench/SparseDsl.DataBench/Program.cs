using System.Diagnostics;
using System.Globalization;
using SparseDsl.Data;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

// Usage: dotnet run --project bench/SparseDsl.DataBench -c Release -- [--threads N] [--images N]
// Prints one line per measurement: batches/s (CIFAR, batch 128, 50,000 synthetic 3×32×32 images) and
// images/s (ImageFolder, synthetic 500×375 JPEGs). The median of 3 runs is reported.
var threads = Arg("--threads", 1);
var imageCount = Arg("--images", 96);
set_num_threads(threads);
const int BatchSize = 128;

var random = new Random(17);
var pixels = new byte[50_000 * 3072];
random.NextBytes(pixels);
var cifar = new ImageDataset("synthetic-cifar", pixels, [.. Enumerable.Range(0, 50_000).Select(i => (byte)(i % 10))], 3, 32, 32, 10,
    [.. Cifar.Cifar10Mean], [.. Cifar.Cifar10Std]);

using (var plain = new DeviceBatches(cifar, CPU))
    Report("cifar10 shuffle+normalise", "batches/s", Median(() => Epoch(plain, 0)));
using (var augmented = new DeviceBatches(cifar, CPU, RandomCropFlip.Cifar))
    Report("cifar10 shuffle+pad/crop/flip+normalise (fused CPU kernel)", "batches/s", Median(() => Epoch(augmented, 0)));
Report("cifar10 shuffle+pad/crop/flip+normalise (device-generic tensor ops)", "batches/s", Median(TensorOpsEpoch));

// A consumer whose step takes 4 ms without using the CPU (a GPU-bound training step): without prefetch it also waits
// for every batch to be made; with prefetch the batches are made meanwhile.
using (var inline = new DeviceBatches(cifar, CPU, RandomCropFlip.Cifar))
    Report("cifar10 augmented, consumer step 4 ms/batch (sleeping), no prefetch", "batches/s", Median(() => Epoch(inline, 4)));
using (var prefetched = new DeviceBatches(cifar, CPU, RandomCropFlip.Cifar, prefetch: 2))
    Report("cifar10 augmented, consumer step 4 ms/batch (sleeping), prefetch 2", "batches/s", Median(() => Epoch(prefetched, 4)));

var folder = SyntheticImageFolder(imageCount);
try
{
    var images = ImageFolder.Open(folder);
    foreach (var workers in new[] { 1, 2 })
    {
        var options = new ImageLoaderOptions { Workers = workers, Prefetch = 4 };
        Report($"imagefolder 500x375 JPEG, RandomResizedCrop(224)+flip, {workers} worker(s)", "images/s",
            Median(() => FolderEpoch(new ImageFolderBatches(images, ImageTransform.ImageNetTrain, CPU, options))) * 32);
        Report($"imagefolder 500x375 JPEG, Resize(256)+CenterCrop(224), {workers} worker(s)", "images/s",
            Median(() => FolderEpoch(new ImageFolderBatches(images, ImageTransform.ImageNetEvaluation, CPU, options))) * 32);
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

double Epoch(DeviceBatches data, int busyMilliseconds)
{
    var clock = Stopwatch.StartNew();
    var count = 0;
    foreach (var (input, target) in data.Epoch(BatchSize, shuffle: true, seed: 17, epoch: 1))
    {
        using var x = input;
        using var y = target;
        if (busyMilliseconds > 0) Thread.Sleep(busyMilliseconds);
        count++;
    }
    return count / clock.Elapsed.TotalSeconds;
}

double TensorOpsEpoch()
{
    using var all = torch.tensor(pixels, [50_000, 3, 32, 32]);
    var order = SparseDsl.Randomness.DeterministicRandom.For(17, "shuffle/epoch-1").Permutation(50_000);
    var clock = Stopwatch.StartNew();
    var batches = 50_000 / BatchSize;
    for (var b = 0; b < batches; b++)
    {
        using var scope = NewDisposeScope();
        var index = torch.FromSpan<long>(order.AsSpan(b * BatchSize, BatchSize), [BatchSize], ScalarType.Int64);
        var raw = all.index_select(0, index);
        ImageOps.CropFlipNormalize(raw, RandomCropFlip.Cifar.Choices(BatchSize, 17, 1, b), 4, 32, 32,
            [.. Cifar.Cifar10Mean], [.. Cifar.Cifar10Std], useTensorOps: true);
    }
    return batches / clock.Elapsed.TotalSeconds;
}

double FolderEpoch(ImageFolderBatches data)
{
    var clock = Stopwatch.StartNew();
    var count = 0;
    foreach (var (input, target) in data.Epoch(32, shuffle: true, seed: 17, epoch: 1))
    {
        input.Dispose();
        target.Dispose();
        count++;
    }
    return count / clock.Elapsed.TotalSeconds;
}

static string SyntheticImageFolder(int count)
{
    var root = Directory.CreateTempSubdirectory("sparsedsl-databench-").FullName;
    var bytes = new byte[375 * 500 * 3];
    for (var i = 0; i < count; i++)
    {
        // Smooth gradients with a little noise: compresses like a photograph rather than like noise.
        var noise = new Random(i);
        for (var y = 0; y < 375; y++)
            for (var x = 0; x < 500; x++)
                for (var c = 0; c < 3; c++)
                    bytes[(y * 500 + x) * 3 + c] = (byte)((x * (c + 1) + y * (3 - c) + i * 13) / 4 % 256 + noise.Next(8));
        using var rgb = torch.tensor(bytes, [375, 500, 3]);
        var directory = Path.Combine(root, $"class{i % 4}");
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, $"{i:D4}.jpg"), ImageOps.EncodeJpeg(rgb, 90));
    }
    return root;
}

double Median(Func<double> measure)
{
    measure();   // warm-up
    var runs = new[] { measure(), measure(), measure() };
    Array.Sort(runs);
    return runs[1];
}

void Report(string what, string unit, double value) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {value:F1} {unit} (intra-op threads {get_num_threads()})"));

int Arg(string flag, int fallback)
{
    var i = Array.IndexOf(args, flag);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
