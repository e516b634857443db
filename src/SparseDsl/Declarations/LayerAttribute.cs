namespace SparseDsl;

/// <summary>
/// Base of the layer attributes. Layers are read in source order; parametric layers (Conv2d, Linear, BatchNorm) get a
/// module field named <see cref="Name"/> (default <c>conv1</c>, <c>fc1</c>, <c>bn1</c>… counted per kind).
/// </summary>
public abstract class LayerAttribute : Attribute
{
    /// <summary>Explicit layer name; must be a C# identifier unique within the model.</summary>
    public string? Name { get; set; }
}
