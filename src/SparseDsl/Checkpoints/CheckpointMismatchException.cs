namespace SparseDsl.Checkpoints;

/// <summary>
/// A well-formed checkpoint that belongs to another run: another model or policy, tensors of other names or shapes,
/// or training settings that would make a resume inexact. The message says which.
/// </summary>
public sealed class CheckpointMismatchException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The checkpoint that was refused.</summary>
    public string Path { get; } = path;

    /// <summary>What differs, without the path.</summary>
    public string Problem { get; } = problem;
}
