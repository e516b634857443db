using SparseDsl.Training;

namespace SparseDsl.Runner.Options;

/// <summary>Section "Runtime": where and how wide to compute.</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>auto (CUDA when present, else CPU), cpu, cuda or cuda:N. In a distributed run, auto and cuda mean cuda:LOCAL_RANK.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>Intra-op threads; 0 = one per processor.</summary>
    public int Threads { get; set; }

    /// <summary>Distributed runs (launched with MASTER_ADDR etc.): auto (NCCL on CUDA when the shim has it, else Gloo), gloo or nccl.</summary>
    public string Backend { get; set; } = "auto";

    /// <summary>Distributed runs: seconds to wait for every rank to join, and for each collective.</summary>
    public int DistributedTimeout { get; set; } = 1800;

    /// <summary>
    /// Layout of convolution weights, their masks and activations: contiguous (NCHW, PyTorch's default) or
    /// channels_last (NHWC, what PyTorch recommends for CUDA mixed precision; CUDA only, see <see cref="ChannelsLast"/>).
    /// It changes speed, not the model: checkpoints are written in the logical order either way, and the run
    /// folder's name does not depend on it.
    /// </summary>
    public string MemoryFormat { get; set; } = "contiguous";

    /// <summary>The libtorch layout <see cref="MemoryFormat"/> names (valid after the options rules passed).</summary>
    public Torch.MemoryFormat Layout => MemoryFormat == "channels_last" ? Torch.MemoryFormat.ChannelsLast : Torch.MemoryFormat.Contiguous;

    /// <summary>Why <see cref="MemoryFormat"/> cannot run on <paramref name="device"/>, or null when it can.</summary>
    public string? LayoutProblem(Torch.DeviceType device) =>
        ChannelsLast.Problem(Layout, device) is { } problem ? $"Runtime:MemoryFormat: {problem}." : null;

    /// <summary>Distributed runs: largest bucket of gradients averaged in one all-reduce, in MiB (PyTorch's default, 25).</summary>
    public double BucketMb { get; set; } = 25;
}
