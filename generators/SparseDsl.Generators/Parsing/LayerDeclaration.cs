using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// One layer attribute as written, before shape inference. Lives only inside one transform (it holds syntax), so it
/// need not be value-equal. Unset properties hold the attribute's defaults.
/// </summary>
internal sealed class LayerDeclaration(LayerKind kind, AttributeArguments arguments)
{
    public LayerKind Kind { get; } = kind;
    public AttributeArguments Arguments { get; } = arguments;
    public string? ExplicitName { get; init; }

    /// <summary>Output channels (Conv2d) or features (Linear).</summary>
    public int Size { get; init; }
    public int Kernel { get; init; }
    public int Stride { get; init; } = 1;
    public int Padding { get; init; }
    public int Dilation { get; init; } = 1;
    public int Groups { get; init; } = 1;
    public bool Bias { get; init; } = true;
    public int In { get; init; }
    public double Eps { get; init; } = 1e-5;
    public double Momentum { get; init; } = 0.1;
    public double P { get; init; }

    /// <summary>The explicit name, or the default assigned by <see cref="LayerNames"/>.</summary>
    public string Name { get; set; } = "";
}
