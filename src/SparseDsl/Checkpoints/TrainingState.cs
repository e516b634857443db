using SparseDsl.Modeling;
using SparseDsl.Torch.Amp;
using SparseDsl.Torch.Optim;
using SparseDsl.Training;

namespace SparseDsl.Checkpoints;

/// <summary>
/// The live objects of one training run whose state a checkpoint captures and restores: the model (parameters,
/// masks, buffers), optimizer and schedule; plus what identifies the run (identity, settings, the caller's resolved
/// configuration as JSON), and the loss scaler of float16 training. References only: the caller owns and disposes them.
/// </summary>
public sealed record TrainingState(
    SparseModule Model,
    CheckpointIdentity Identity,
    TrainingSettings Settings,
    Optimizer Optimizer,
    LRScheduler Schedule,
    string Configuration = "{}",
    GradScaler? Scaler = null);
