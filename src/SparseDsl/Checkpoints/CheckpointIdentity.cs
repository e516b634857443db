namespace SparseDsl.Checkpoints;

/// <summary>
/// Which run a checkpoint belongs to: the model's declared name (e.g. <c>LeNet5</c>) and the caller's name for the
/// sparsity policy (e.g. <c>erk@0.1</c>). A checkpoint is only ever loaded into a run with the same identity.
/// </summary>
public sealed record CheckpointIdentity(string Model, string Policy)
{
    public override string ToString() => $"{Model} / {Policy}";
}
