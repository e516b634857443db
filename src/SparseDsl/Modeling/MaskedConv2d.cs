using SparseDsl.Torch.Modules;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Modeling;

/// <summary>A 2-D convolution whose weight is pruned by a fixed mask (buffer <c>weight_mask</c>).</summary>
public sealed class MaskedConv2d : Conv2d, IMaskedLayer
{
    public MaskedConv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
        long dilation = 1, long groups = 1, bool bias = true)
        : base(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias)
    {
        weight_mask = MaskOps.OnesLike(weight);
        register_buffer(nameof(weight_mask), weight_mask);
    }

    public Tensor weight_mask { get; }

    public void SetMask(Tensor mask) => MaskOps.Set(weight, weight_mask, mask);

    public void ApplyMask() => MaskOps.Apply(weight, weight_mask);
}
