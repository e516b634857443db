namespace SparseDsl;

/// <summary>How a residual connection matches the block input to the block's output.</summary>
public enum Shortcut
{
    /// <summary>Identity only: the block must keep its input's shape.</summary>
    Identity,

    /// <summary>Identity, or a 1×1 convolution (no bias) when the channels or the stride change.</summary>
    Conv,

    /// <summary>Identity, or a 1×1 convolution (no bias) and BatchNorm when the channels or the stride change.</summary>
    ConvBatchNorm,
}

/// <summary>
/// Inside a <c>[Block]</c>: adds the block's input (through its shortcut) to the running tensor. The projection,
/// when the shape changes, is registered as <c>shortcut.conv</c> / <c>shortcut.bn</c>.
/// </summary>
/// <param name="shortcut">How shapes are matched; a 1×1 convolution with BatchNorm by default.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ResidualAttribute(Shortcut shortcut = Shortcut.ConvBatchNorm) : LayerAttribute
{
    public Shortcut Shortcut { get; } = shortcut;

    /// <summary>
    /// Pre-activation blocks (Wide ResNets): the projection takes the input after the block's leading BatchNorm/ReLU
    /// layers (those before its first convolution) instead of the raw input; an identity shortcut still takes the raw input.
    /// </summary>
    public bool ProjectPreActivated { get; set; }
}
