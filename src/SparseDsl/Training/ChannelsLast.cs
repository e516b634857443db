using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Training;

/// <summary>
/// Where a channels-last model (<see cref="nn.Module.to(MemoryFormat)"/>) may train. PyTorch recommends the layout
/// for CUDA mixed precision (cuDNN's tensor-core convolutions take NHWC). On the CPU it is refused: libtorch 1.13's
/// oneDNN channels-last convolution backward corrupts the heap on some batch sizes — bench/channels_last_crash.py
/// reproduces it with PyTorch 1.13 itself (a 1×1 stride-2 convolution, a ResNet shortcut, on a batch of 51, the
/// size of a run's last partial batch) — and bench/SparseDsl.Bench measured no consistent gain there.
/// </summary>
public static class ChannelsLast
{
    /// <summary>Why <paramref name="format"/> cannot train or be attacked (backward) on <paramref name="device"/>, or null.</summary>
    public static string? Problem(MemoryFormat format, DeviceType device) =>
        format == MemoryFormat.ChannelsLast && device != DeviceType.CUDA
            ? "channels_last is for CUDA; on the CPU libtorch's oneDNN channels-last convolution backward corrupts the heap " +
              "on some batch sizes (bench/channels_last_crash.py) and was not faster here; use the contiguous layout"
            : null;

    /// <summary>ChannelsLast when any 4-D parameter of <paramref name="model"/> is laid out so, else Contiguous.</summary>
    public static MemoryFormat Of(nn.Module model)
    {
        foreach (var p in model.parameters())
            if (p.dim() == 4 && !p.is_contiguous() && p.is_contiguous(MemoryFormat.ChannelsLast)) return MemoryFormat.ChannelsLast;
        return MemoryFormat.Contiguous;
    }
}
