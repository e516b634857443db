using System.Diagnostics;
using System.Globalization;

namespace SparseDsl.Checkpoints;

/// <summary>
/// Replaces a file so that a crash at any moment leaves either the old content or the new, never a mix: the
/// content goes to a temporary file in the same folder (same file system, so the rename is atomic), is flushed
/// to disk (fsync), and is renamed over the target; the folder is then flushed so the rename itself is durable.
/// </summary>
public static class AtomicFile
{
    private const string TemporaryMarker = ".tmp-";

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>; on any failure the target is untouched and the temporary removed.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        RemoveStaleTemporaries(target);
        var temporary = TemporaryName(target, Environment.ProcessId);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        DirectorySync.Flush(directory);
    }

    /// <summary>Temporary files for <paramref name="target"/> present now (a process killed mid-write leaves one).</summary>
    public static IReadOnlyList<string> Temporaries(string target)
    {
        var full = Path.GetFullPath(target);
        var directory = Path.GetDirectoryName(full)!;
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory, Path.GetFileName(full) + TemporaryMarker + "*")
            : [];
    }

    private static string TemporaryName(string target, int processId) =>
        $"{target}{TemporaryMarker}{processId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";

    /// <summary>Deletes temporaries left by writers that no longer run (their process id is in the name).</summary>
    private static void RemoveStaleTemporaries(string target)
    {
        foreach (var file in Temporaries(target))
        {
            var suffix = Path.GetFileName(file).AsSpan(Path.GetFileName(target).Length + TemporaryMarker.Length);
            var dash = suffix.IndexOf('-');
            if (dash > 0 && int.TryParse(suffix[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var owner) && !IsRunning(owner))
                TryDelete(file);
        }
    }

    private static bool IsRunning(int processId)
    {
        if (processId == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary is harmless and removed by the next write.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
