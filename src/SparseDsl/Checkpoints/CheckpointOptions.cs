namespace SparseDsl.Checkpoints;

/// <summary>
/// Where and how <see cref="Training.Trainer"/> checkpoints a run: <c>latest.safetensors</c> in
/// <see cref="RunDirectory"/>, written atomically before training starts (epoch 0) and after every epoch.
/// </summary>
public sealed record CheckpointOptions(string RunDirectory)
{
    public const string LatestFileName = "latest.safetensors";
    public const string BestFileName = "best.safetensors";

    /// <summary>The caller's name for the sparsity policy (e.g. <c>erk@0.1</c>); with the model's name it identifies the run.</summary>
    public string Policy { get; init; } = "";

    /// <summary>The resolved configuration as JSON, stored in every checkpoint as given.</summary>
    public string Configuration { get; init; } = "{}";

    /// <summary>When true (the default) and <see cref="LatestPath"/> exists, training resumes from it; otherwise it starts over.</summary>
    public bool Resume { get; init; } = true;

    /// <summary>Called once after a resume with the checkpoint's completed epochs (before training continues).</summary>
    public Action<int>? OnResumed { get; init; }

    /// <summary>
    /// When true, the checkpoint of the epoch with the highest validation accuracy so far (the earliest on ties) is
    /// also kept as <c>best.safetensors</c>, for evaluating the best model at the end. Needs validation data.
    /// </summary>
    public bool KeepBest { get; init; }

    public string LatestPath => Path.Combine(RunDirectory, LatestFileName);

    public string BestPath => Path.Combine(RunDirectory, BestFileName);
}
