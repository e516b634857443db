namespace SparseDsl.Runner.Options;

/// <summary>Section "Sweep": run one grid point only, for array jobs (Slurm, Kubernetes Indexed Jobs).</summary>
public sealed class SweepOptions
{
    public const string Section = "Sweep";

    /// <summary>Grid point to run (0-based); -1 = all, or SLURM_ARRAY_TASK_ID / JOB_COMPLETION_INDEX when set.</summary>
    public int Index { get; set; } = -1;
}
