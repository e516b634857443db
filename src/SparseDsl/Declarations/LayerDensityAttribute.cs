namespace SparseDsl;

/// <summary>
/// A per-layer density of a <see cref="SparsityPolicyAttribute"/> declaration (repeatable): the layers
/// <paramref name="selector"/> names keep <paramref name="density"/> and the policy's allocation spreads the rest of its
/// budget over the others; with <see cref="Allocation.Explicit"/> every masked layer needs one (or <c>KeepDense</c>).
/// </summary>
/// <param name="selector">A layer name (<c>fc1</c>), a kind (<c>Conv2d</c>, <c>Linear</c>), <c>first</c> or <c>classifier</c>.</param>
/// <param name="density">The selected layers' density, in (0, 1].</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class LayerDensityAttribute(string selector, double density) : Attribute
{
    public string Selector { get; } = selector;
    public double Density { get; } = density;
}
