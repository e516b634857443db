using Microsoft.Extensions.Logging;
using SparseDsl.Runner.Experiments;
using SparseDsl.Runner.Options;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Runner.Commands;

/// <summary>
/// This process's place in a distributed run (launched with MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK):
/// the joined process group, the device (cuda:LOCAL_RANK on GPUs), and the decisions every rank must share.
/// Disposing leaves the group.
/// </summary>
internal sealed class DistributedSession : IDisposable
{
    private DistributedSession(DistributedEnvironment launch, Device device, string backend)
    {
        (Launch, Device, Backend) = (launch, device, backend);
    }

    public DistributedEnvironment Launch { get; }

    public Device Device { get; }

    public string Backend { get; }

    /// <summary>Rank 0 writes run folders, checkpoints and results; the others only train.</summary>
    public bool IsCoordinator => Launch.Rank == 0;

    /// <summary>
    /// Checks the options against the launch (every problem at once, as <see cref="OptionsException"/>), picks the
    /// device and backend, then joins the group: blocks until all WORLD_SIZE ranks have arrived.
    /// </summary>
    public static DistributedSession Start(RunnerOptions options, DistributedEnvironment launch, ILogger logger)
    {
        var problems = new List<string>();
        var worldSize = launch.WorldSize;
        if (options.Training.BatchSize % worldSize != 0)
            problems.Add($"Training:BatchSize: {options.Training.BatchSize} is the global batch and must be divisible by WORLD_SIZE={worldSize} " +
                $"(each rank takes BatchSize / WORLD_SIZE); use a multiple of {worldSize}.");
        var device = DeviceSelection.Resolve(options.Runtime.Device, launch.Rank == 0 ? logger : null, launch.LocalRank);
        var backend = options.Runtime.Backend switch
        {
            "auto" => device.type == DeviceType.CUDA && distributed.is_nccl_available() ? "nccl" : "gloo",
            var chosen => chosen,
        };
        if (backend == "nccl" && device.type != DeviceType.CUDA)
            problems.Add($"Runtime:Backend: nccl reduces CUDA tensors only, but this rank trains on {device}; use gloo on the CPU.");
        if (backend == "nccl" && !distributed.is_nccl_available())
            problems.Add("Runtime:Backend: nccl is not available in this build of the shim (it needs a CUDA libtorch with NCCL and nccl.h; see docs/gpu.md); use gloo or auto.");
        if (backend == "gloo" && !distributed.is_gloo_available())
            problems.Add("Runtime:Backend: gloo is not available in this build of the shim (its libtorch lacks c10d Gloo, or libgloo-dev was missing at build time).");
        if (problems.Count > 0) throw new OptionsException(problems);

        logger.LogInformation("Rank {Rank} of {World} (local rank {Local}) joining {Backend} at {Address}:{Port}; device {Device}, " +
            "per-rank batch {Batch} of the global {Global}", launch.Rank, worldSize, launch.LocalRank, backend, launch.MasterAddress,
            launch.MasterPort, device, options.Training.BatchSize / worldSize, options.Training.BatchSize);
        distributed.init_process_group(backend, launch, TimeSpan.FromSeconds(options.Runtime.DistributedTimeout));
        return new DistributedSession(launch, device, backend);
    }

    /// <summary>
    /// Rank 0's choice of the runs still to train, on every rank: without a shared filesystem the other ranks cannot
    /// see which runs rank 0 finished earlier, and all ranks must train the same runs in the same order.
    /// </summary>
    public List<RunFolder> AgreeOnPending(IReadOnlyList<RunFolder> selected)
    {
        using var scope = NewDisposeScope();
        var chosen = selected.Select(f => IsCoordinator && !f.IsFinished ? 1L : 0L).ToArray();
        var flags = torch.tensor(chosen.Length == 0 ? [0L] : chosen, [Math.Max(1, chosen.Length)]).to(distributed.collective_device());
        distributed.broadcast(flags, 0);
        var agreed = flags.cpu().data<long>();
        return [.. selected.Where((_, i) => agreed[i] != 0)];
    }

    public void Dispose() => distributed.destroy_process_group();
}
