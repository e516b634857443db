namespace SparseDsl;

/// <summary>
/// Declares a family of models: the layer and stage attributes on the same declaration are the template, and each
/// <see cref="VariantAttribute"/> is one model of the family (its own type, module, layer table and density tables).
/// The family type itself gets <c>Variants</c>, the catalog entries of its variants.
/// The declaration must be a top-level, non-generic <c>partial record</c> (or <c>partial class</c>).
/// </summary>
/// <param name="inputShape">Per-sample input shape: <c>(C, H, W)</c> or <c>(features)</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ModelFamilyAttribute(params int[] inputShape) : Attribute
{
    public int[] InputShape { get; } = inputShape;

    /// <summary>
    /// The width the template is written at: a variant's <see cref="VariantAttribute.Width"/> multiplies the template's
    /// channel and feature counts by Width / BaseWidth (1 by default, so that Width is a plain multiplier).
    /// </summary>
    public double BaseWidth { get; set; } = 1;
}
