using System.Runtime.InteropServices;

namespace SparseDsl.Checkpoints;

/// <summary>
/// fsync of a folder, which makes a rename inside it durable across power loss (.NET has no API for it).
/// Best effort: on Windows, or when the folder cannot be opened, it does nothing, and the rename stays atomic anyway.
/// </summary>
internal static partial class DirectorySync
{
    public static void Flush(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(directory, 0 /* O_RDONLY */);
        if (fd < 0) return;
        _ = Fsync(fd);
        _ = Close(fd);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
