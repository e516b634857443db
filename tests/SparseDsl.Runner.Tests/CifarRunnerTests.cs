using System.Text.Json;

namespace SparseDsl.Runner.Tests;

/// <summary>
/// The runner on CIFAR-10 end to end: the test writes a tiny dataset in the real binary format (data_batch_1..5.bin and
/// test_batch.bin of 3073-byte records: a label byte, then 1024 red, 1024 green and 1024 blue bytes), then trains a
/// 90%-sparse ERK CIFAR ResNet-20 (width 8) on it for one epoch, augmentation on, as a user would run it.
/// </summary>
public sealed class CifarRunnerTests : IDisposable
{
    private const int RecordsPerBatch = 12, TestRecords = 20;
    private readonly string root = Directory.CreateTempSubdirectory("sparsedsl-cifar-run-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static byte[] Records(int count, Random random)
    {
        var bytes = new byte[count * 3073];
        random.NextBytes(bytes);
        for (var i = 0; i < count; i++) bytes[i * 3073] = (byte)random.Next(10); // the label byte: a class 0-9
        return bytes;
    }

    private string WriteCifar10()
    {
        var folder = Path.Combine(root, "data", "cifar-10-batches-bin");
        Directory.CreateDirectory(folder);
        var random = new Random(5);
        for (var batch = 1; batch <= 5; batch++) File.WriteAllBytes(Path.Combine(folder, $"data_batch_{batch}.bin"), Records(RecordsPerBatch, random));
        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), Records(TestRecords, random));
        return Path.Combine(root, "data");
    }

    [Fact]
    public void Train_on_cifar10_binary_files_writes_a_run_folder_with_a_sane_result()
    {
        var data = WriteCifar10();
        var runs = Path.Combine(root, "runs");
        var (code, output) = RunnerProcess.Run("train",
            "--Data:Dataset=cifar10", $"--Data:Path={data}", "--Experiment:Models=cifar_resnet_20_8", "--Experiment:Policies=erk",
            "--Experiment:Densities=0.1", "--Training:Epochs=1", "--Training:BatchSize=16", $"--Output:Root={runs}");
        Assert.True(code == 0, output);
        // 60 training images, 10% held out for validation; the test batch's 20.
        Assert.Contains($"Data cifar10 from {data}: 54 training, 6 validation, 20 test images", output);

        var run = Assert.Single(Directory.GetDirectories(runs), d => !d.EndsWith("sweeps", StringComparison.Ordinal));
        foreach (var file in new[] { "config.json", "metrics.csv", "layers.csv", "latest.safetensors", "result.json" })
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} missing in {run}");
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "result.json")));
        var r = result.RootElement;
        Assert.Equal("erk", r.GetProperty("policy").GetString());
        Assert.Equal(0.1, r.GetProperty("density").GetDouble());
        Assert.InRange(r.GetProperty("realisedDensity").GetDouble(), 0.099, 0.101);
        Assert.True(r.GetProperty("keptWeights").GetInt64() < r.GetProperty("maskedWeights").GetInt64());
        var test = r.GetProperty("test");
        Assert.Equal(TestRecords, test.GetProperty("count").GetInt64());
        Assert.InRange(test.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.True(double.IsFinite(test.GetProperty("loss").GetDouble()) && test.GetProperty("loss").GetDouble() > 0);
        Assert.Equal(1, r.GetProperty("bestEpoch").GetInt32());
        Assert.Equal(r.GetProperty("layers").GetArrayLength() + 1, File.ReadAllLines(Path.Combine(run, "layers.csv")).Length);
        Assert.Contains("\"dataset\": \"cifar10\"", File.ReadAllText(Path.Combine(run, "config.json")));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run, "metrics.csv")).Length); // header + 1 epoch
    }
}
