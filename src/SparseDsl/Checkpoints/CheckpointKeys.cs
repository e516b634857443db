namespace SparseDsl.Checkpoints;

/// <summary>
/// Names inside a training checkpoint. Model tensors keep their module names (<c>conv1.weight</c>,
/// <c>conv1.weight_mask</c>, <c>bn1.running_mean</c>); everything else lives under a reserved prefix.
/// </summary>
public static class CheckpointKeys
{
    /// <summary>Metadata <c>format</c>: what wrote the file and in which version of this layout.</summary>
    public const string Format = "format";
    public const string FormatValue = "sparsedsl-checkpoint/1";

    /// <summary>Metadata: the model's declared name and the policy's name (<see cref="CheckpointIdentity"/>).</summary>
    public const string Model = "model";
    public const string Policy = "policy";

    /// <summary>Metadata: completed epochs (0 = the state before training).</summary>
    public const string Epoch = "epoch";

    /// <summary>Metadata: the training settings as JSON; a resume with other settings is refused.</summary>
    public const string Training = "training";

    /// <summary>Metadata: the caller's resolved configuration, JSON, stored as given.</summary>
    public const string Configuration = "config";

    /// <summary>Metadata: the completed epochs' metrics, a JSON array.</summary>
    public const string History = "history";

    /// <summary>Tensor prefix <c>optimizer.&lt;i&gt;.momentum_buffer</c>, and metadata prefix of hyper-parameters (<c>optimizer.lr</c>).</summary>
    public const string OptimizerPrefix = "optimizer.";

    /// <summary>Metadata: the optimizer's type name (<c>SGD</c>).</summary>
    public const string OptimizerType = "optimizer_type";

    /// <summary>Metadata prefix of the schedule's position (<c>scheduler.last_epoch</c>…).</summary>
    public const string SchedulerPrefix = "scheduler.";

    /// <summary>Metadata: the schedule's type name (<c>MultiStepLR</c>).</summary>
    public const string SchedulerType = "scheduler_type";

    /// <summary>Metadata prefix of the float16 loss scaler's state (<c>grad_scaler.scale</c>, <c>grad_scaler.growth_tracker</c>).</summary>
    public const string GradScalerPrefix = "grad_scaler.";
    public const string GradScalerScale = GradScalerPrefix + "scale";
    public const string GradScalerGrowthTracker = GradScalerPrefix + "growth_tracker";

    /// <summary>Tensor: libtorch's default CPU generator state (uint8), as <c>torch.random.get_rng_state()</c>.</summary>
    public const string TorchCpuRngState = "rng.torch_cpu";

    private const string RngPrefix = "rng.";

    /// <summary>True for tensor names that are not the model's.</summary>
    public static bool IsReserved(string tensorName) =>
        tensorName.StartsWith(OptimizerPrefix, StringComparison.Ordinal) || tensorName.StartsWith(RngPrefix, StringComparison.Ordinal);
}
