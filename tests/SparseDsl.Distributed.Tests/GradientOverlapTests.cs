namespace SparseDsl.Distributed.Tests;

/// <summary>
/// DistributedDataParallel's gradient reducer across two Gloo ranks on loopback: buckets start their all-reduce from
/// the autograd hooks while backward runs, the averages are right step after step, nothing is left behind between
/// steps, and a parameter left out of the loss is named in a clear error.
/// </summary>
public sealed class GradientOverlapTests
{
    [Fact]
    public void Every_bucket_starts_its_all_reduce_during_backward_and_each_step_averages_exactly()
    {
        // 0.02 MiB buckets cut LeNet-5's ten parameters (about 250 kB of gradients) into several buckets.
        var ranks = RankProcesses.RunWorld(2, _ => ["overlap", "0.02"]);
        Assert.All(ranks, r => Assert.True(r.ExitCode == 0, r.Output + r.Errors));
        foreach (var rank in ranks)
        {
            var steps = rank.Output.Split('\n').Where(l => l.Contains("buckets")).ToList();
            Assert.Equal(3, steps.Count);
            foreach (var line in steps)
            {
                var words = line.Split(' ');
                var buckets = int.Parse(words[3]);
                Assert.True(buckets > 1, line);
                // Started from the hooks, before wait_for_gradients: all of them (the last when the first layer's
                // gradient arrived), none left for the wait to start.
                Assert.Equal(buckets, int.Parse(words[7]));
                Assert.Contains("held 0 ", line);            // nothing carried into the next step
                Assert.Contains("off by hand 0 ", line);     // equal to an all-reduce of the local gradients by hand
                Assert.EndsWith("off local yes", line.TrimEnd()); // and not the local gradients: averaging happened
            }
            Assert.Contains("step 2 handles grew 0", rank.Output);
            Assert.Contains("step 3 handles grew 0", rank.Output);
        }
    }

    [Fact]
    public void A_parameter_left_out_of_the_loss_or_a_second_backward_fails_the_wait_and_the_next_full_step_still_averages()
    {
        var ranks = RankProcesses.RunWorld(2, _ => ["unused"]);
        foreach (var rank in ranks)
        {
            Assert.True(rank.ExitCode == 0, rank.Output + rank.Errors);
            Assert.Contains("spare left out: error: parameters 'spare.weight', 'spare.bias' have no gradient from this backward " +
                "pass: with data parallelism every parameter must take part in the loss on every rank", rank.Output);
            // Raised inside the autograd engine by the second pass's hook, reported by the wait.
            Assert.Matches("two backward passes: error: parameter '(body|spare)[.](weight|bias)' received a gradient twice before " +
                "the gradients were averaged: call wait_for_gradients after every backward pass", rank.Output);
            Assert.Equal(2, rank.Output.Split('\n').Count(l => l.Contains("error:") && l.TrimEnd().EndsWith("held 0")));
            Assert.Contains("all used: off by hand 0 held 0", rank.Output);
        }
    }
}
