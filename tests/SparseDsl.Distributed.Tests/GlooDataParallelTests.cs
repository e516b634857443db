using System.Runtime.InteropServices;

namespace SparseDsl.Distributed.Tests;

/// <summary>
/// Two processes on loopback with Gloo on the CPU, against one process: the 2-rank data-parallel run (per-rank batch
/// 32 on its shard, gradients averaged across ranks) must end with the weights of a single process whose batch is
/// the two ranks' batches combined (64), after 8 SGD steps with Nesterov momentum, weight decay and 90% ERK masks.
/// </summary>
public sealed class GlooDataParallelTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sparsedsl-ddp-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string In(string name) => Path.Combine(folder, name);

    private static float[] Weights(string file) => MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(file)).ToArray();

    [Fact]
    public void Two_gloo_ranks_train_to_the_weights_of_one_process_with_the_combined_batch()
    {
        var single = RankProcesses.Run(["train", In("single.bin"), In("single-run")]);
        Assert.True(single.ExitCode == 0, single.Errors);
        var ranks = RankProcesses.RunWorld(2, rank => ["train", In($"rank{rank}.bin"), In($"rank{rank}-run")]);
        foreach (var rank in ranks) Assert.True(rank.ExitCode == 0, rank.Output + rank.Errors);

        var reference = Weights(In("single.bin"));
        var rank0 = Weights(In("rank0.bin"));
        var rank1 = Weights(In("rank1.bin"));
        Assert.Equal(reference.Length, rank0.Length);
        Assert.Equal(rank0, rank1);  // every replica holds the same weights, bit for bit
        var worst = reference.Zip(rank0, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-5, $"largest weight difference to the single process: {worst}");

        // The epoch's training score covers both ranks' samples: 256, as the single process's.
        Assert.Contains("over 256 samples", ranks[0].Output);
        Assert.Contains("over 256 samples", ranks[1].Output);
        Assert.Contains("over 256 samples", single.Output);
        // Rank 0 alone writes checkpoints.
        Assert.True(File.Exists(Path.Combine(In("rank0-run"), "latest.safetensors")));
        Assert.False(Directory.Exists(In("rank1-run")) && Directory.EnumerateFiles(In("rank1-run")).Any());
    }

    [Fact]
    public void A_stopped_two_rank_run_resumes_from_rank_0s_checkpoint_to_the_uninterrupted_weights()
    {
        var whole = RankProcesses.RunWorld(2, rank => ["train", In($"whole{rank}.bin"), In($"whole{rank}-run")]);
        Assert.All(whole, r => Assert.True(r.ExitCode == 0, r.Output + r.Errors));

        var stopped = RankProcesses.RunWorld(2, rank => ["train", In($"resumed{rank}.bin"), In($"resumed{rank}-run"), "--stop-after-epoch", "1"]);
        Assert.All(stopped, r => Assert.True(r.ExitCode == 6, r.Output + r.Errors));
        var resumed = RankProcesses.RunWorld(2, rank => ["train", In($"resumed{rank}.bin"), In($"resumed{rank}-run")]);
        Assert.All(resumed, r => Assert.True(r.ExitCode == 0, r.Output + r.Errors));
        Assert.Contains("resumed 1", resumed[0].Output);       // rank 0 read its checkpoint …
        Assert.DoesNotContain("resumed", resumed[1].Output);   // … rank 1 has none and was sent rank 0's state

        var expected = Weights(In("whole0.bin"));
        Assert.Equal(expected, Weights(In("resumed0.bin")));
        Assert.Equal(expected, Weights(In("resumed1.bin")));
    }

    [Fact]
    public void Collectives_reduce_broadcast_and_meet_across_two_ranks()
    {
        var ranks = RankProcesses.RunWorld(2, _ => ["collectives"]);
        Assert.All(ranks, r => Assert.True(r.ExitCode == 0, r.Output + r.Errors));
        Assert.Equal("rank 0/2 sum 3,30 max 7 broadcast 1.5", ranks[0].Output.Trim());
        Assert.Equal("rank 1/2 sum 3,30 max 7 broadcast 1.5", ranks[1].Output.Trim());
    }

    [Fact]
    public void Ranks_with_different_masks_all_stop_naming_the_odd_rank()
    {
        var ranks = RankProcesses.RunWorld(2, rank => ["train", In($"rank{rank}.bin"), In($"rank{rank}-run"), "--corrupt-mask"]);
        foreach (var rank in ranks)
        {
            Assert.Equal(4, rank.ExitCode);
            Assert.Contains("masks differ between ranks: rank(s) 1 of 2 disagree with rank 0", rank.Errors);
        }
        Assert.False(File.Exists(In("rank0.bin")));
    }

    [Fact]
    public void A_partial_launch_environment_stops_the_process_listing_what_is_missing()
    {
        var result = RankProcesses.Run(["train", In("x.bin"), In("x-run")],
            new() { ["MASTER_ADDR"] = "127.0.0.1", ["RANK"] = "3", ["WORLD_SIZE"] = "2" });
        Assert.Equal(5, result.ExitCode);
        Assert.Contains("MASTER_PORT is not set", result.Errors);
        Assert.Contains("LOCAL_RANK is not set", result.Errors);
        Assert.Contains("RANK=3 is not below WORLD_SIZE=2", result.Errors);
    }
}
