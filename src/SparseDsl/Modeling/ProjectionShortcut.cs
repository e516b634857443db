using SparseDsl.Torch.Modules;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Modeling;

/// <summary>
/// The shortcut of a residual block whose shape changes: a 1×1 convolution without bias (masked like every
/// convolution), registered as <c>conv</c>, then optionally BatchNorm, registered as <c>bn</c>.
/// </summary>
public sealed class ProjectionShortcut : nn.Module<Tensor, Tensor>
{
    private readonly MaskedConv2d conv;
    private readonly BatchNorm2d? bn;

    public ProjectionShortcut(long in_channels, long out_channels, long stride, bool batch_norm) : base("Shortcut")
    {
        conv = new MaskedConv2d(in_channels, out_channels, 1, stride, 0, 1, 1, false);
        register_module(nameof(conv), conv);
        if (batch_norm)
        {
            bn = new BatchNorm2d(out_channels);
            register_module(nameof(bn), bn);
        }
    }

    public override Tensor forward(Tensor input)
    {
        var x = conv.forward(input);
        return bn is null ? x : bn.forward(x);
    }
}
