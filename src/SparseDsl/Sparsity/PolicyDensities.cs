using SparseDsl.Data;
using SparseDsl.Modeling;
using SparseDsl.Sparsity.Criteria;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Sparsity;

/// <summary>What to compute a model's layer-wise densities from: a policy, its global density and per-layer rules.</summary>
public sealed record RatioRequest(RatioPolicy Policy, double Density)
{
    /// <summary>Classifier density of ERK+ (dense by default, as the official README's example).</summary>
    public double ClassifierDensity { get; init; } = 1.0;

    /// <summary>Layers kept dense or at given densities; with the explicit policy, every layer's density.</summary>
    public LayerRules Rules { get; init; } = LayerRules.None;

    /// <summary>Seeds the batch SNIP and GraSP draw from the data, and SNIP's Xavier re-initialisation.</summary>
    public long Seed { get; init; } = 17;

    /// <summary>Size of SNIP's one batch (the official code uses the training batch).</summary>
    public int SnipBatchSize { get; init; } = 128;

    /// <summary>
    /// The request for a declared policy (<c>[SparsityPolicy]</c>): its allocation's ratio at its density, with its
    /// classifier density and its own rules — what the runner computes for a declared policy name, and what the
    /// generator's table of that policy must equal.
    /// </summary>
    public static RatioRequest For(SparsityPolicy declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        return new RatioRequest(RatioPolicy.For(declared.Allocation), declared.Density)
        {
            ClassifierDensity = declared.ClassifierDensity,
            Rules = declared.Rules,
        };
    }
}

/// <summary>
/// One entry point from a <see cref="RatioRequest"/> to the densities of a model's masked layers (forward order), for
/// every policy: shape allocations (with rules), the explicit policy, and the SNIP / GraSP / SynFlow ratios.
/// </summary>
public static class PolicyDensities
{
    /// <param name="model">The freshly initialised, still unmasked model (criteria rank it).</param>
    /// <param name="request">Policy, density and rules.</param>
    /// <param name="trainingData">Training data for SNIP and GraSP; ignored by the other policies.</param>
    /// <exception cref="ArgumentException">The budget cannot be met, a rule is invalid, or data is missing.</exception>
    /// <exception cref="InvalidOperationException">A criterion empties a layer (layer collapse).</exception>
    public static double[] Compute(SparseModule model, RatioRequest request, IBatchSource? trainingData = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        var policy = request.Policy;
        if (policy.Allocation is not null) return FromShapes(model.Info, request);

        if (!request.Rules.IsEmpty)
            throw new ArgumentException($"The {policy.Name} ratio takes no per-layer rules (KeepDense, LayerDensities); they combine with uniform, er and erk.");
        if (policy.NeedsData && trainingData is null)
            throw new ArgumentException($"The {policy.Name} ratio ranks weights on training data, but none was given.");
        using var scope = NewDisposeScope();
        switch (policy.Criterion)
        {
            case RatioCriterion.Snip:
            {
                var (inputs, targets) = CriterionData.FirstBatch(trainingData!, request.SnipBatchSize, request.Seed);
                return CriterionRatios.Snip(model, inputs, targets, request.Density, seed: request.Seed);
            }
            case RatioCriterion.Grasp:
            {
                var (inputs, targets) = CriterionData.PerClass(trainingData!, Grasp.DefaultSamplesPerClass, request.Seed);
                return CriterionRatios.Grasp(model, inputs, targets, request.Density);
            }
            default:
                return CriterionRatios.SynFlow(model, request.Density);
        }
    }

    /// <summary>
    /// The densities of an allocation policy (explicit included), from the model's layer table alone: no module, no
    /// data. <see cref="Compute"/> uses it for every allocation.
    /// </summary>
    /// <exception cref="ArgumentException">The policy is a criterion, or its budget or rules cannot be met.</exception>
    public static double[] FromShapes(ModelInfo model, RatioRequest request)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Policy.Allocation is not { } allocation)
            throw new ArgumentException($"The {request.Policy.Name} ratio ranks a built model; use Compute.");
        var density = allocation == Allocation.Dense ? 1.0 : request.Density;
        return LayerDensities.For(model, allocation, density, request.Rules, request.ClassifierDensity);
    }
}
