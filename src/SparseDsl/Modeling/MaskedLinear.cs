using SparseDsl.Torch.Modules;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Modeling;

/// <summary>A fully connected layer whose weight is pruned by a fixed mask (buffer <c>weight_mask</c>).</summary>
public sealed class MaskedLinear : Linear, IMaskedLayer
{
    public MaskedLinear(long in_features, long out_features, bool bias = true)
        : base(in_features, out_features, bias)
    {
        weight_mask = MaskOps.OnesLike(weight);
        register_buffer(nameof(weight_mask), weight_mask);
    }

    public Tensor weight_mask { get; }

    public void SetMask(Tensor mask) => MaskOps.Set(weight, weight_mask, mask);

    public void ApplyMask() => MaskOps.Apply(weight, weight_mask);
}
