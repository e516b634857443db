using System.Diagnostics;

namespace SparseDsl.Checkpoints.Tests;

/// <summary>
/// Exact resume across real crashes: the ResumeHost child (LeNet-5 at 90% ERK sparsity, 1024 Fashion-MNIST images,
/// 4 epochs, one thread, a checkpoint per epoch) is killed with SIGKILL at several points — just after epoch 1's
/// checkpoint, just after epoch 2's, mid-epoch 3, and at an unsynchronised moment — and restarted each time. The
/// final checkpoint must equal an uninterrupted run's tensor for tensor, byte for byte.
/// </summary>
public sealed class KillAndResumeTests : IDisposable
{
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(90);

    private readonly TestRuns.TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>A running ResumeHost whose stdout lines are read one by one.</summary>
    private sealed class Host : IDisposable
    {
        private readonly Process process;
        private readonly List<string> lines = [];

        public Host(string runFolder, params string[] options)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true, // a paused host exits when this closes, so no child outlives the test
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SparseDsl.ResumeHost.dll"));
            start.ArgumentList.Add(runFolder);
            foreach (var option in options) start.ArgumentList.Add(option);
            process = Process.Start(start)!;
            Errors = process.StandardError.ReadToEndAsync();
        }

        public Task<string> Errors { get; }

        /// <summary>Reads lines until one starts with <paramref name="prefix"/>; returns it.</summary>
        public string WaitFor(string prefix)
        {
            while (true)
            {
                var read = process.StandardOutput.ReadLineAsync();
                if (!read.Wait(LineTimeout)) throw new TimeoutException($"no '{prefix}' within {LineTimeout}; output so far: {string.Join(" | ", lines)}");
                var line = read.Result ?? throw new InvalidOperationException(
                    $"host exited ({(process.WaitForExit(5000) ? process.ExitCode : -1)}) before '{prefix}'; output: {string.Join(" | ", lines)}; errors: {Errors.Result}");
                lines.Add(line);
                if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
            }
        }

        public IReadOnlyList<string> Lines => lines;

        /// <summary>SIGKILL: no handler, no flush, no finally runs in the child.</summary>
        public void Kill()
        {
            process.Kill();
            process.WaitForExit();
        }

        public int WaitForExit()
        {
            Assert.True(process.WaitForExit(LineTimeout), "host did not exit");
            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited) Kill();
            process.Dispose();
        }
    }

    private static int ResumedEpoch(Host host) => int.Parse(host.WaitFor("resumed ")["resumed ".Length..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_run_killed_at_several_points_ends_bitwise_identical_to_an_uninterrupted_run()
    {
        var referenceFolder = folder.File("uninterrupted");
        var runFolder = folder.File("killed");
        // The reference runs alongside the interrupted chain (each child uses one thread).
        using var reference = new Host(referenceFolder);

        using (var first = new Host(runFolder, "--pause-after-epoch", "1"))
        {
            first.WaitFor("paused after 1");
            first.Kill();
        }
        using (var second = new Host(runFolder, "--pause-after-epoch", "2"))
        {
            Assert.Equal(1, ResumedEpoch(second));
            second.WaitFor("paused after 2");
            second.Kill();
        }
        using (var third = new Host(runFolder, "--pause-at", "3:4"))
        {
            Assert.Equal(2, ResumedEpoch(third));
            third.WaitFor("paused at 3:4"); // four steps of epoch 3 done in memory, none saved
            third.Kill();
        }
        using (var fourth = new Host(runFolder))
        {
            // Killed as soon as it has resumed, wherever it then is: loading, training epoch 3, or writing a checkpoint.
            Assert.Equal(2, ResumedEpoch(fourth));
            fourth.Kill();
        }
        using (var last = new Host(runFolder))
        {
            Assert.InRange(ResumedEpoch(last), 2, 4);
            last.WaitFor("finished");
            Assert.Equal(0, last.WaitForExit());
        }
        reference.WaitFor("finished");
        Assert.Equal(0, reference.WaitForExit());

        var expected = TrainingCheckpoint.Load(Path.Combine(referenceFolder, CheckpointOptions.LatestFileName));
        var actual = TrainingCheckpoint.Load(Path.Combine(runFolder, CheckpointOptions.LatestFileName));
        Assert.Equal(4, actual.Epoch);
        Assert.Equal(expected.Content.Tensors.Select(t => t.Name), actual.Content.Tensors.Select(t => t.Name));
        foreach (var (e, a) in expected.Content.Tensors.Zip(actual.Content.Tensors))
        {
            Assert.Equal(e.Shape, a.Shape);
            Assert.True(e.Data.AsSpan().SequenceEqual(a.Data), $"{e.Name} differs from the uninterrupted run");
        }
        Assert.Equal(expected.History.Select(m => (m.LearningRate, m.Train, m.Validation)), actual.History.Select(m => (m.LearningRate, m.Train, m.Validation)));
        Assert.Empty(AtomicFile.Temporaries(Path.Combine(runFolder, CheckpointOptions.LatestFileName)));
    }
}
