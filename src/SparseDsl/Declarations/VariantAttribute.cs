namespace SparseDsl;

/// <summary>
/// One model of a <c>[ModelFamily]</c>, declared in a line: the template with some settings changed. The generator
/// emits a type named <see cref="TypeName"/> (by default the name in PascalCase: <c>cifar_resnet_56_32</c> →
/// <c>CifarResnet56_32</c>) in the family's namespace, found in the catalog by that type name and by <see cref="Name"/>.
/// </summary>
/// <param name="name">Catalog name, e.g. <c>cifar_resnet_56_32</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class VariantAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>
    /// Width relative to the family's <see cref="ModelFamilyAttribute.BaseWidth"/>: every Conv2d, Linear and stage
    /// channel count is multiplied by Width / BaseWidth, except the last Conv2d/Linear (the classifier). Unset: the template's width.
    /// </summary>
    public double Width { get; set; }

    /// <summary>Blocks of every stage (unset: as the template declares).</summary>
    public int Blocks { get; set; }

    /// <summary>Blocks of each stage, one count per stage in order (unset: as the template declares).</summary>
    public int[]? StageBlocks { get; set; }

    /// <summary>A <c>[Block]</c> type that replaces the block of every stage (unset: as the template declares).</summary>
    public Type? Block { get; set; }

    /// <summary>More catalog names, e.g. <c>cifar_resnet_20_16</c> for <c>cifar_resnet_20</c>.</summary>
    public string[]? Aliases { get; set; }

    /// <summary>Name of the generated type (unset: <see cref="Name"/> in PascalCase).</summary>
    public string? TypeName { get; set; }
}
