using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Parsing;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Specs;

/// <summary>A valid <c>[Block]</c>: what its module class is made from.</summary>
/// <param name="ReferenceChannels">Output channels of its last convolution as written: a stage of C channels scales every
/// convolution's output by C / ReferenceChannels.</param>
/// <param name="PreActivationLength">How many BatchNorm/ReLU/Dropout layers come before its first convolution.</param>
internal sealed record BlockSpec(TypeTarget Type, long ReferenceChannels, EquatableArray<BlockLayerSpec> Layers, int PreActivationLength)
{
    public string ModuleName => Type.Name + "Module";

    public string ModuleFullName => Type.Sibling(ModuleName);
}

/// <summary>One layer of a block as written (sizes relative to <see cref="BlockSpec.ReferenceChannels"/>).</summary>
internal sealed record BlockLayerSpec(
    LayerKind Kind,
    string Name,
    int Size,
    int Kernel,
    int Stride,
    bool Strided,
    int Padding,
    int Dilation,
    int Groups,
    bool Bias,
    double Eps,
    double Momentum,
    double P,
    ShortcutKind Shortcut,
    bool ProjectPreActivated)
{
    public bool HasModule => Kind is LayerKind.Conv2d or LayerKind.BatchNorm2d;
}

/// <summary>Outcome of reading one <c>[Block]</c> declaration.</summary>
internal sealed record BlockResult(BlockSpec? Block, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static BlockResult Empty { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty);
}
