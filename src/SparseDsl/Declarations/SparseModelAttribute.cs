namespace SparseDsl;

/// <summary>
/// Declares a network. The layer attributes on the same declaration, in source order, are its forward pass; the
/// generator infers every layer's input size (through <c>[Stage]</c>s of <c>[Block]</c>s too) from <paramref name="inputShape"/> and emits <c>Info</c>,
/// <c>DensityTables</c>, <c>CreateModule()</c> and a <c>&lt;Name&gt;Module</c> class.
/// The declaration must be a top-level, non-generic <c>partial record</c> (or <c>partial class</c>).
/// </summary>
/// <param name="inputShape">Per-sample input shape: <c>(C, H, W)</c> for images or <c>(features)</c> for vectors.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SparseModelAttribute(params int[] inputShape) : Attribute
{
    public int[] InputShape { get; } = inputShape;

    /// <summary>Catalog alias, e.g. <c>lenet5</c>; the type name always finds the model too.</summary>
    public string? Name { get; set; }

    /// <summary>More catalog names besides <see cref="Name"/>.</summary>
    public string[]? Aliases { get; set; }
}
