using SparseDsl.Modeling;
using SparseDsl.Torch.Optim;
using SparseDsl.Training;

namespace SparseDsl.Checkpoints;

/// <summary>
/// The live objects of one training run whose state a checkpoint captures and restores: the model (parameters,
/// masks, buffers), optimizer and schedule; plus what identifies the run (identity, settings, the caller's resolved
/// configuration as JSON). References only: the caller owns and disposes them.
/// </summary>
public sealed record TrainingState(
    SparseModule Model,
    CheckpointIdentity Identity,
    TrainingSettings Settings,
    Optimizer Optimizer,
    LRScheduler Schedule,
    string Configuration = "{}");
