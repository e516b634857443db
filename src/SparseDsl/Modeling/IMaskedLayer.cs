using static SparseDsl.Torch.torch;

namespace SparseDsl.Modeling;

/// <summary>
/// A layer whose weight is pruned by a fixed binary mask. The mask is a buffer (<c>weight_mask</c>, same shape
/// as the weight, 1 = kept) so it travels with the module to a device and into checkpoints.
/// Invariant kept by <see cref="SetMask"/>: weight == weight · mask. Training keeps it by masking gradients
/// before the optimizer sees them (see <see cref="SparseDsl.Training.MaskedSgd"/>), so the forward pass can
/// use the stored weight directly, at no extra cost per step.
/// </summary>
public interface IMaskedLayer
{
    nn.Parameter weight { get; }

    Tensor weight_mask { get; }

    /// <summary>Installs <paramref name="mask"/> (copied) and zeroes the pruned weights.</summary>
    void SetMask(Tensor mask);

    /// <summary>Zeroes the weights the mask prunes (after loading weights from elsewhere, say).</summary>
    void ApplyMask();
}
