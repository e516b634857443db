using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace SparseDsl.Runner.Tests;

/// <summary>The runner under the torchrun launch contract (MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK).</summary>
public sealed class DistributedRunnerTests : IDisposable
{
    private static readonly string[] LaunchVariables = ["MASTER_ADDR", "MASTER_PORT", "RANK", "WORLD_SIZE", "LOCAL_RANK"];
    private readonly string root = Directory.CreateTempSubdirectory("sparsedsl-ddp-runs-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static Process Start(string[] args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SparseDsl.Runner.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var name in LaunchVariables) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    private static (int ExitCode, string Output) Finish(Process process)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("runner did not finish in 3 minutes: " + stdout.Result + stderr.Result);
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    private static Dictionary<string, string> Rank(int rank, int worldSize, int port) => new()
    {
        ["MASTER_ADDR"] = "127.0.0.1", ["MASTER_PORT"] = port.ToString(), ["RANK"] = rank.ToString(),
        ["WORLD_SIZE"] = worldSize.ToString(), ["LOCAL_RANK"] = rank.ToString(),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public void A_partial_launch_environment_exits_2_listing_every_missing_variable()
    {
        var (code, output) = Finish(Start(["train", $"--Output:Root={root}"], new() { ["RANK"] = "0", ["MASTER_PORT"] = "port" }));
        Assert.Equal(2, code);
        Assert.Contains("MASTER_ADDR is not set", output);
        Assert.Contains("WORLD_SIZE is not set", output);
        Assert.Contains("LOCAL_RANK is not set", output);
        Assert.Contains("MASTER_PORT='port' is not valid", output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [Fact]
    public void A_global_batch_the_world_size_does_not_divide_exits_2_before_joining()
    {
        // WORLD_SIZE=3 with no other rank: the check must come before the rendezvous, or this would wait for them.
        var (code, output) = Finish(Start(["train", "--Experiment:Policies=erk", "--Training:BatchSize=128", $"--Output:Root={root}"],
            Rank(0, 3, FreePort())));
        Assert.Equal(2, code);
        Assert.Contains("Training:BatchSize: 128 is the global batch and must be divisible by WORLD_SIZE=3", output);
    }

    [Fact]
    public void Two_ranks_write_one_run_folder_whose_result_matches_one_process_with_the_global_batch()
    {
        string[] args = ["train", "--Experiment:Models=lenet5", "--Experiment:Policies=erk", "--Training:Epochs=1",
            "--Training:BatchSize=128", "--Data:TrainLimit=1024", "--Data:ValidationFraction=0", "--Runtime:Threads=1"];
        var single = Finish(Start([.. args, $"--Output:Root={root}/single"], []));
        Assert.True(single.ExitCode == 0, single.Output);

        var port = FreePort();
        var ranks = Enumerable.Range(0, 2).Select(r => Start([.. args, $"--Output:Root={root}/ddp"], Rank(r, 2, port))).ToList();
        var results = ranks.Select(Finish).ToList();
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.Contains("per-rank batch 64 of the global 128", results[0].Output);
        Assert.Contains("SparseDsl results", results[0].Output);
        Assert.DoesNotContain("SparseDsl results", results[1].Output);  // rank 1 reports nothing
        Assert.DoesNotContain("info:", results[1].Output);

        var run = Assert.Single(Directory.GetDirectories(Path.Combine(root, "ddp")));
        var reference = Assert.Single(Directory.GetDirectories(Path.Combine(root, "single")));
        Assert.Equal(Path.GetFileName(reference), Path.GetFileName(run));  // same configuration: global batch 128
        double TestLoss(string folder) =>
            JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json"))).RootElement.GetProperty("test").GetProperty("loss").GetDouble();
        Assert.Equal(TestLoss(reference), TestLoss(run), 4);
    }
}
