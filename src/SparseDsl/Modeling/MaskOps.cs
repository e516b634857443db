using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Modeling;

/// <summary>Mask plumbing shared by the masked layers.</summary>
internal static class MaskOps
{
    public static Tensor OnesLike(nn.Parameter weight)
    {
        using var _ = torch.no_grad();
        return torch.ones_like(weight).DetachFromDisposeScope();
    }

    public static void Set(nn.Parameter weight, Tensor weightMask, Tensor mask)
    {
        if (!mask.shape.SequenceEqual(weight.shape))
            throw new ArgumentException($"Mask shape [{string.Join(", ", mask.shape)}] does not match weight shape [{string.Join(", ", weight.shape)}].", nameof(mask));
        using var _ = torch.no_grad();
        weightMask.copy_(mask);
        weight.mul_(weightMask);
    }

    public static void Apply(nn.Parameter weight, Tensor weightMask)
    {
        using var _ = torch.no_grad();
        weight.mul_(weightMask);
    }
}
