using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// One layer attribute as written, before shape inference. Lives only inside one transform (it holds syntax), so it
/// need not be value-equal. Unset properties hold the attribute's defaults.
/// </summary>
internal sealed class LayerDeclaration(LayerKind kind, AttributeArguments arguments) : ItemDeclaration(arguments)
{
    public LayerKind Kind { get; } = kind;
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

    /// <summary>Conv2d in a block: takes the stage's stride.</summary>
    public bool Strided { get; init; }

    /// <summary>Residual: how the shortcut matches shapes.</summary>
    public ShortcutKind Shortcut { get; init; } = ShortcutKind.ConvBatchNorm;

    /// <summary>Residual: the projection takes the pre-activated input.</summary>
    public bool ProjectPreActivated { get; init; }

    /// <summary>The explicit name, or the default assigned by <see cref="LayerNames"/>.</summary>
    public string Name { get; set; } = "";

    /// <summary>A copy for one use of the layer: another (dotted) name, output size and stride; In is not checked again.</summary>
    public LayerDeclaration Instance(string name, int size, int stride) => new(Kind, Arguments)
    {
        ExplicitName = ExplicitName,
        Size = size,
        Kernel = Kernel,
        Stride = stride,
        Padding = Padding,
        Dilation = Dilation,
        Groups = Groups,
        Bias = Bias,
        In = 0,
        Eps = Eps,
        Momentum = Momentum,
        P = P,
        Strided = Strided,
        Shortcut = Shortcut,
        ProjectPreActivated = ProjectPreActivated,
        Name = name,
    };
}

/// <summary>Mirror of <c>SparseDsl.Shortcut</c> (same values), which the generator cannot reference.</summary>
internal enum ShortcutKind
{
    Identity,
    Conv,
    ConvBatchNorm,
}
