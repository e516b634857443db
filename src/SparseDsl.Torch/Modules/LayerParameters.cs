using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules;

/// <summary>Creation and PyTorch-default initialisation of layer parameters.</summary>
internal static class LayerParameters
{
    /// <summary>A parameter of the given shape with arbitrary contents, to be initialised in place.</summary>
    internal static nn.Parameter Uninitialized(long[] shape, Device? device, ScalarType? dtype)
    {
        using var data = empty(shape, dtype, device);
        return new nn.Parameter(data);
    }

    /// <summary>
    /// PyTorch's reset_parameters of Linear and ConvNd: weight ~ kaiming_uniform_(a = sqrt(5)), i.e. U(±1/sqrt(fan_in)),
    /// and bias ~ U(±1/sqrt(fan_in)).
    /// </summary>
    internal static void ResetLikePyTorch(nn.Parameter weight, nn.Parameter? bias)
    {
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias is null) return;
        var (fanIn, _) = nn.init.calculate_fan_in_and_fan_out(weight);
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        nn.init.uniform_(bias, -bound, bound);
    }
}
