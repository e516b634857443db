using SparseDsl.Modeling;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Sparsity.Criteria;

/// <summary>
/// The SNIP, GraSP and SynFlow layer-wise ratios (Liu et al., ICLR 2022): run the criterion globally on the dense model
/// at initialisation, keep only each layer's resulting density, forward order (<see cref="SparseModule.MaskedLayers"/>),
/// then draw positions at random with <see cref="RandomMasks.Apply"/>. Call before any mask is applied; the model's
/// weights, gradients and mode are the same afterwards. A layer the ranking empties entirely is an error (layer collapse).
/// </summary>
public static class CriterionRatios
{
    /// <summary>
    /// SNIP ratio on one batch. With <paramref name="reinitialiseXavier"/> (the official code's behaviour) the scores come
    /// from a Xavier-normal re-initialisation seeded by <paramref name="seed"/> and the model's own weights are put back;
    /// without, the model's own weights are scored.
    /// </summary>
    public static double[] Snip(SparseModule model, Tensor inputs, Tensor targets, double density, bool reinitialiseXavier = true, long seed = 17)
    {
        CriterionGuards.RequireDensity(density);
        CriterionGuards.RequireDenseMasks(model, RatioCriterion.Snip);
        double[][] scores;
        if (reinitialiseXavier)
        {
            using var snapshot = ModelSnapshot.Take(model);
            try
            {
                Criteria.Snip.XavierNormal(model, seed);
                scores = Criteria.Snip.Scores(model, inputs, targets);
            }
            finally
            {
                snapshot.Restore();
            }
        }
        else
        {
            scores = Criteria.Snip.Scores(model, inputs, targets);
        }
        return CriterionGuards.RefuseCollapse(model, RatioCriterion.Snip, density, ScoreThreshold.KeepLargest(scores, density));
    }

    /// <summary>
    /// GraSP ratio on up to <paramref name="samplesPerClass"/> samples of each class taken from the given ones
    /// (<see cref="Criteria.Grasp.SelectSamples"/>), at temperature <paramref name="temperature"/>.
    /// </summary>
    public static double[] Grasp(SparseModule model, Tensor inputs, Tensor targets, double density,
        int samplesPerClass = Criteria.Grasp.DefaultSamplesPerClass, double temperature = Criteria.Grasp.DefaultTemperature)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        CriterionGuards.RequireDensity(density);
        CriterionGuards.RequireDenseMasks(model, RatioCriterion.Grasp);
        using var scope = NewDisposeScope();
        var chosen = Criteria.Grasp.SelectSamples(targets.data<long>(), samplesPerClass);
        var index = torch.tensor(chosen).to(inputs.device);
        var scores = Criteria.Grasp.Scores(model, inputs.index_select(0, index), targets.index_select(0, index), temperature);
        return CriterionGuards.RefuseCollapse(model, RatioCriterion.Grasp, density, ScoreThreshold.RemoveLargest(scores, density));
    }

    /// <summary>SynFlow ratio: data-free, <paramref name="rounds"/> rounds of iterative pruning on an exponential schedule.</summary>
    public static double[] SynFlow(SparseModule model, double density, int rounds = Criteria.SynFlow.DefaultRounds)
    {
        CriterionGuards.RequireDensity(density);
        CriterionGuards.RequireDenseMasks(model, RatioCriterion.SynFlow);
        return CriterionGuards.RefuseCollapse(model, RatioCriterion.SynFlow, density, Criteria.SynFlow.LayerDensities(model, density, rounds));
    }
}
