namespace SparseDsl.Sparsity.Criteria;

/// <summary>
/// A pruning-at-initialisation criterion used only for its layer-wise ratios (Liu et al., ICLR 2022, §4): the criterion
/// ranks all masked weights globally, each layer keeps the density the ranking gives it, and the positions inside the
/// layer are then drawn at random (<see cref="RandomMasks"/>).
/// </summary>
public enum RatioCriterion
{
    /// <summary>SNIP (Lee et al. 2019): |∂L/∂m| = |g·w| on one batch.</summary>
    Snip,

    /// <summary>GraSP (Wang et al. 2020): −w·(Hg), the Hessian-gradient product, on 25 samples per class at temperature 200.</summary>
    Grasp,

    /// <summary>SynFlow (Tanaka et al. 2020): data-free, |w·∂R/∂w| of the linearised network, 100 rounds of exponentially scheduled pruning.</summary>
    SynFlow,
}
