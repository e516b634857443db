namespace SparseDsl;

/// <summary>
/// Declares a layer-wise density policy. The generator computes its table for every model it applies to at compile
/// time (<c>DensityTables</c>) and implements <c>SparseDsl.Sparsity.ISparsityPolicy</c> on the declaration, which must
/// be a top-level, non-generic <c>partial record</c> (or <c>partial class</c>). Per-layer rules — <see cref="KeepDense"/>
/// and <see cref="LayerDensityAttribute"/> — fix the layers they select and the allocation spreads the rest of the
/// budget; <see cref="SparseDsl.Allocation.Explicit"/> takes every layer from them.
/// </summary>
/// <param name="allocation">How the density is spread over the layers.</param>
/// <param name="density">Global density in (0, 1]: 0.1 keeps 10% of the prunable weights (90% sparsity). Dense and
/// Explicit take none.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SparsityPolicyAttribute(Allocation allocation, double density = 1.0) : Attribute
{
    public Allocation Allocation { get; } = allocation;
    public double Density { get; } = density;

    /// <summary>Classifier density for <see cref="SparseDsl.Allocation.ErkPlus"/>; 1 (dense) by default.</summary>
    public double ClassifierDensity { get; set; } = 1.0;

    /// <summary>Policy name for catalogs, reports and the runner's <c>Experiment:Policies</c>; the type name by default.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Layers kept dense (density 1): layer names (<c>conv1</c>), kinds (<c>Conv2d</c>, <c>Linear</c>), <c>first</c> (the
    /// stem) or <c>classifier</c> (the last masked layer), e.g. <c>KeepDense = ["first", "classifier"]</c>.
    /// </summary>
    public string[]? KeepDense { get; set; }

    /// <summary>
    /// Names or aliases of the models the policy is for, e.g. <c>Models = ["lenet5", "vgg16"]</c>; every model of the
    /// compilation when absent. A policy that names a model must fit it: a budget or selector it cannot meet there is a
    /// compile error (elsewhere a warning, and that model's table is left out).
    /// </summary>
    public string[]? Models { get; set; }
}
