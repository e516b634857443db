using SparseDsl.Generators.Specs;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// A <c>[Block]</c> declaration read for use in a stage: its layers (named, arguments checked) and, when it is valid,
/// its spec. Lives inside one transform.
/// </summary>
internal sealed class BlockTemplate(string name, IReadOnlyList<LayerDeclaration> layers, BlockSpec? spec)
{
    /// <summary>The block type's name, e.g. <c>BasicBlock</c>.</summary>
    public string Name { get; } = name;

    public IReadOnlyList<LayerDeclaration> Layers { get; } = layers;

    /// <summary>The block when its declaration is valid; null when it has errors (reported by the block itself).</summary>
    public BlockSpec? Spec { get; } = spec;

    public bool IsValid => Spec != null;

    public long ReferenceChannels => Spec?.ReferenceChannels ?? 0;

    public int PreActivationLength => Spec?.PreActivationLength ?? 0;

    public bool HasStridedConvolution => Layers.Any(l => l.Kind == LayerKind.Conv2d && l.Strided);
}
