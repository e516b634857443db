namespace SparseDsl;

/// <summary>
/// How a global density is spread over the prunable layers (Liu et al., ICLR 2022, as the official code computes it).
/// Lives in the <c>SparseDsl</c> namespace so that declarations written with <c>using SparseDsl;</c> can name it.
/// </summary>
public enum Allocation
{
    /// <summary>No pruning: every layer at density 1.</summary>
    Dense,

    /// <summary>Every prunable layer at the global density, first and last included.</summary>
    Uniform,

    /// <summary>
    /// Uniform+ (Gale et al.): the first convolution dense (a model without convolutions keeps no layer dense); below
    /// density 0.2 the classifier at 0.2; every other layer at one density chosen so that the total budget d·N holds.
    /// (The official code divides the rest by all N weights instead, missing d·N by under 1% on convolutional networks.)
    /// </summary>
    UniformPlus,

    /// <summary>Erdős–Rényi: density ∝ (n_in + n_out) / (n_in · n_out), kernel ignored, capped at 1.</summary>
    Er,

    /// <summary>Erdős–Rényi-Kernel: density ∝ (sum of the weight's dimensions) / (their product), capped at 1.</summary>
    Erk,

    /// <summary>ERK+: the classifier at a chosen density, the remaining budget spread by ERK over the other layers.</summary>
    ErkPlus,

    /// <summary>
    /// Every layer's density given by layer rules (<c>[LayerDensity]</c>, <c>KeepDense</c>); nothing is computed and the
    /// global density is what they imply (<see cref="SparseDsl.Sparsity.RuleAllocator"/>).
    /// </summary>
    Explicit,
}
