using SparseDsl.Generators.Infrastructure;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Specs;

/// <summary>
/// One layer after shape inference: what <c>LayerInfo</c> reports and what the module constructor needs.
/// Fields a kind does not use hold their neutral value (0, true, 0.0).
/// </summary>
internal sealed record LayerSpec(
    LayerKind Kind,
    string Name,
    EquatableArray<long> InputShape,
    EquatableArray<long> OutputShape,
    EquatableArray<long> WeightShape,
    long ParameterCount,
    long Macs,
    int InSize,
    int OutSize,
    int Kernel,
    int Stride,
    int Padding,
    int Dilation,
    int Groups,
    bool Bias,
    double Eps,
    double Momentum,
    double P)
{
    /// <summary>Conv2d and Linear weights are masked; biases and BatchNorm parameters are not.</summary>
    public bool Prunable => Kind is LayerKind.Conv2d or LayerKind.Linear;

    /// <summary>Layers with parameters become module fields; the others are calls in <c>forward</c>.</summary>
    public bool HasModule => Kind is LayerKind.Conv2d or LayerKind.Linear or LayerKind.BatchNorm2d or LayerKind.BatchNorm1d;
}
