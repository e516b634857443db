namespace SparseDsl;

/// <summary>
/// A stage of a model: <see cref="Blocks"/> copies of the <c>[Block]</c> type <see cref="Block"/>, each
/// producing <see cref="Channels"/> channels; the first block takes <see cref="Stride"/> (on its
/// <c>Strided</c> convolution), the others stride 1. Stages are registered as <c>stages.0</c>, <c>stages.1</c>…
/// and their blocks as <c>stages.N.blocks.M</c>, so parameters are named like <c>stages.1.blocks.0.conv1.weight</c>.
/// </summary>
/// <param name="block">A type declared with <c>[Block]</c>, e.g. <c>typeof(BasicBlock)</c>.</param>
/// <param name="channels">Output channels of every block of the stage.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class StageAttribute(Type block, int channels) : Attribute
{
    public Type Block { get; } = block;
    public int Channels { get; } = channels;

    /// <summary>How many times the block repeats (1 by default).</summary>
    public int Blocks { get; set; } = 1;

    /// <summary>Stride of the first block (1 by default; 2 halves the height and width).</summary>
    public int Stride { get; set; } = 1;
}
