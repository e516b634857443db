namespace SparseDsl.Checkpoints;

/// <summary>
/// A checkpoint or safetensors file that cannot be read: truncated, corrupt, inconsistent or not in the format.
/// The message names the file and the problem; nothing was allocated for the file's tensors before the check failed.
/// </summary>
public sealed class CheckpointFormatException : Exception
{
    public CheckpointFormatException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file that was being read.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, without the path.</summary>
    public string Problem { get; }
}
