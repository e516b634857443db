namespace SparseDsl;

/// <summary>2-D convolution with a square kernel; input channels are inferred (checked against <see cref="In"/> when set).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Conv2dAttribute(int outChannels, int kernel) : LayerAttribute
{
    public int OutChannels { get; } = outChannels;
    public int Kernel { get; } = kernel;
    public int Stride { get; set; } = 1;
    public int Padding { get; set; }
    public int Dilation { get; set; } = 1;
    public int Groups { get; set; } = 1;
    public bool Bias { get; set; } = true;

    /// <summary>Expected input channels; 0 (default) means inferred only. Not allowed in a block, whose input comes from its stage.</summary>
    public int In { get; set; }

    /// <summary>In a <c>[Block]</c>: this convolution takes the stage's stride (its first block) instead of <see cref="Stride"/>.</summary>
    public bool Strided { get; set; }
}
