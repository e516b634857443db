using System.Diagnostics;

namespace SparseDsl.Checkpoints.Tests;

/// <summary>A write that fails part-way never shows under the final name; leftovers of dead writers are cleaned up.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TestRuns.TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_write_replaces_the_file_and_leaves_no_temporary()
    {
        var path = folder.File("sub/dir/state.bin");
        AtomicFile.Write(path, s => s.Write([1, 2, 3]));
        AtomicFile.Write(path, s => s.Write([4, 5]));
        Assert.Equal([4, 5], File.ReadAllBytes(path));
        Assert.Empty(AtomicFile.Temporaries(path));
    }

    [Fact]
    public void A_write_that_fails_midway_leaves_the_old_file_intact()
    {
        var path = folder.File("latest.safetensors");
        AtomicFile.Write(path, s => s.Write([1, 2, 3]));

        var e = Assert.Throws<IOException>(() => AtomicFile.Write(path, s =>
        {
            s.Write(new byte[100_000]); // half a checkpoint reaches the disk...
            s.Flush();
            Assert.Single(AtomicFile.Temporaries(path)); // ...but only under the temporary name
            throw new IOException("disk full (simulated)");
        }));

        Assert.Equal("disk full (simulated)", e.Message);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Empty(AtomicFile.Temporaries(path));
    }

    [Fact]
    public void A_temporary_left_by_a_killed_writer_is_removed_by_the_next_write()
    {
        var path = folder.File("latest.safetensors");
        using var exited = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        exited.WaitForExit();
        var stale = $"{path}.tmp-{exited.Id}-0123456789abcdef";
        File.WriteAllBytes(stale, [9, 9]);
        var ours = $"{path}.tmp-{Environment.ProcessId}-live";
        File.WriteAllBytes(ours, [8]); // a writer that still runs (this process) keeps its temporary

        AtomicFile.Write(path, s => s.Write([7]));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(ours));
        Assert.Equal([7], File.ReadAllBytes(path));
    }
}
