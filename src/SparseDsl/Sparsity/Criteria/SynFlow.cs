using SparseDsl.Modeling;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Sparsity.Criteria;

/// <summary>
/// Iterative Synaptic Flow pruning (Tanaka et al. 2020), data-free: every parameter and buffer replaced by its absolute
/// value (the network "linearised"), the model in eval mode, an input of ones, R = the sum of the outputs, and the
/// score of a weight |θ·∂R/∂θ|. Pruning runs for a number of rounds on an exponential schedule, the kept fraction after
/// round r being d^(r/rounds); in each round the weights pruned so far are zero while scoring. The official
/// Random_Pruning SynFlow is broken, so this follows the SynFlow paper and its reference code.
/// </summary>
public static class SynFlow
{
    public const int DefaultRounds = 100;

    /// <summary>
    /// One scoring pass of the linearised model with its current weights: |θ·∂R/∂θ| for every masked weight (host arrays,
    /// forward layer order). The model is restored afterwards, bit for bit, training mode included.
    /// </summary>
    public static double[][] Scores(SparseModule model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var snapshot = ModelSnapshot.Take(model);
        try
        {
            Linearise(model);
            return Score(model);
        }
        finally
        {
            snapshot.Restore();
        }
    }

    /// <summary>
    /// Runs the iterative pruning to global density <paramref name="density"/> and returns the fraction of each masked
    /// layer it keeps (forward order). Only the fractions are used: positions are drawn at random afterwards. The model is
    /// restored afterwards, bit for bit.
    /// </summary>
    public static double[] LayerDensities(SparseModule model, double density, int rounds = DefaultRounds)
    {
        ArgumentNullException.ThrowIfNull(model);
        CriterionGuards.RequireDensity(density);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        var weights = CriterionGuards.Weights(model);
        using var snapshot = ModelSnapshot.Take(model);
        var magnitudes = new List<Tensor>();
        try
        {
            Linearise(model);
            using (no_grad())
                foreach (var w in weights) magnitudes.Add(w.clone().DetachFromDisposeScope());
            bool[][]? keep = null;
            for (var round = 1; round <= rounds; round++)
            {
                if (keep is not null) SetKeptMagnitudes(weights, magnitudes, keep);
                var scores = Score(model);
                keep = ScoreThreshold.KeepAboveKthSmallest(scores, Math.Pow(density, (double)round / rounds));
            }
            return [.. keep!.Select(k => k.Length == 0 ? 0 : (double)k.Count(b => b) / k.Length)];
        }
        finally
        {
            snapshot.Restore();
            foreach (var m in magnitudes) m.Dispose();
        }
    }

    /// <summary>|x| in place for every parameter and buffer (masks are 0/1 and unchanged), and eval mode.</summary>
    private static void Linearise(SparseModule model)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        foreach (var (_, tensor) in model.state_dict()) tensor.copy_(tensor.abs());
    }

    /// <summary>Weight = |w₀| where kept, 0 where pruned: the pruned weights carry no flow and score zero.</summary>
    private static void SetKeptMagnitudes(List<Tensor> weights, List<Tensor> magnitudes, bool[][] keep)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        for (var i = 0; i < weights.Count; i++)
        {
            var mask = torch.tensor(keep[i].Select(k => k ? 1f : 0f).ToArray(), weights[i].shape)
                .to(weights[i].dtype, weights[i].device);
            weights[i].copy_(magnitudes[i].mul(mask));
        }
    }

    private static double[][] Score(SparseModule model)
    {
        using var scope = NewDisposeScope();
        using var recording = enable_grad();
        var weights = CriterionGuards.Weights(model);
        var ones = torch.ones([1, .. model.Info.InputShape], weights[0].dtype, weights[0].device);
        var flow = model.forward(ones).sum();
        var gradients = autograd.grad([flow], weights);
        using var _ = no_grad();
        return [.. gradients.Select((g, i) => g.mul(weights[i]).abs().data<double>())];
    }
}
