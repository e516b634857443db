namespace SparseDsl;

/// <summary>
/// Declares a layer-wise density policy. The generator computes its table for every model of the compilation at
/// compile time (<c>DensityTables</c>) and implements <c>SparseDsl.Sparsity.ISparsityPolicy</c> on the declaration,
/// which must be a top-level, non-generic <c>partial record</c> (or <c>partial class</c>).
/// </summary>
/// <param name="allocation">How the density is spread over the layers.</param>
/// <param name="density">Global density in (0, 1]: 0.1 keeps 10% of the prunable weights (90% sparsity).</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SparsityPolicyAttribute(Allocation allocation, double density = 1.0) : Attribute
{
    public Allocation Allocation { get; } = allocation;
    public double Density { get; } = density;

    /// <summary>Classifier density for <see cref="SparseDsl.Allocation.ErkPlus"/>; 1 (dense) by default.</summary>
    public double ClassifierDensity { get; set; } = 1.0;

    /// <summary>Policy name for catalogs and reports; the type name by default.</summary>
    public string? Name { get; set; }
}
