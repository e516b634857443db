using System.Globalization;

namespace SparseDsl.Sparsity;

/// <summary>
/// One per-layer rule: the layers <see cref="Selector"/> names (<see cref="LayerSelector"/>) keep <see cref="Density"/>;
/// a keep-dense rule is density 1. Shared by the source generator (declared policies) and the runtime (run-time rules).
/// </summary>
public sealed class LayerRule
{
    public LayerRule(string selector, double density, bool keepDense)
    {
        Selector = selector ?? throw new ArgumentNullException(nameof(selector));
        Density = density;
        KeepDense = keepDense;
    }

    /// <summary>A keep-dense rule: the selected layers at density 1.</summary>
    public static LayerRule Dense(string selector) => new LayerRule(selector, 1.0, true);

    /// <summary>A density rule: the selected layers at <paramref name="density"/>.</summary>
    public static LayerRule At(string selector, double density) => new LayerRule(selector, density, false);

    public string Selector { get; }

    public double Density { get; }

    /// <summary>True for a keep-dense rule (written <c>KeepDense</c>), false for a density rule.</summary>
    public bool KeepDense { get; }

    /// <summary>How messages name the rule: <c>KeepDense 'first'</c> or <c>density 0.2 for 'classifier'</c>.</summary>
    public string Description => KeepDense
        ? "KeepDense '" + Selector + "'"
        : "density " + Density.ToString("R", CultureInfo.InvariantCulture) + " for '" + Selector + "'";
}
