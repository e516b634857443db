using System.Globalization;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Modeling;

/// <summary>
/// Base of the modules the generator writes for <c>[Block]</c> declarations: a block built for given input channels,
/// output channels and stride, whose layers are registered under their names (<c>conv1</c>, <c>bn1</c>, <c>shortcut</c>…).
/// </summary>
public abstract class BlockModule : nn.Module<Tensor, Tensor>
{
    protected BlockModule(string name, long in_channels, long channels, long stride) : base(name)
    {
        if (in_channels <= 0) throw new ArgumentOutOfRangeException(nameof(in_channels), in_channels, "in_channels must be positive.");
        if (channels <= 0) throw new ArgumentOutOfRangeException(nameof(channels), channels, "channels must be positive.");
        if (stride <= 0) throw new ArgumentOutOfRangeException(nameof(stride), stride, "stride must be positive.");
        this.in_channels = in_channels;
        this.channels = channels;
        this.stride = stride;
    }

    /// <summary>Channels of the block's input.</summary>
    public long in_channels { get; }

    /// <summary>Channels of the block's output (its last convolution's).</summary>
    public long channels { get; }

    /// <summary>Stride of the block's strided convolution.</summary>
    public long stride { get; }

    /// <summary>Registers a child module under <paramref name="name"/> and returns it.</summary>
    protected T Register<T>(string name, T module) where T : nn.Module
    {
        register_module(name, module);
        return module;
    }

    /// <summary>
    /// <paramref name="channels"/> · <paramref name="numerator"/> / <paramref name="denominator"/>: a layer's channel count
    /// when the block, declared for other channels, is built for <paramref name="channels"/>; it must come out whole.
    /// </summary>
    /// <exception cref="ArgumentException">The product is not a whole number of channels.</exception>
    protected long Scaled(long channels, long numerator, long denominator)
    {
        var product = channels * numerator;
        if (product % denominator != 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name} cannot be built for {channels} channels: a layer would get {channels}·{numerator}/{denominator}, which is not whole; use a multiple of {denominator / Gcd(numerator, denominator)}."),
                nameof(channels));
        return product / denominator;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
