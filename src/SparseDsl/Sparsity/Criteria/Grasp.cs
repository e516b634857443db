using SparseDsl.Modeling;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Sparsity.Criteria;

/// <summary>
/// GraSP's gradient-signal-preservation score (Wang et al. 2020) as the official Random_Pruning code computes it:
/// the samples split in two halves; g = Σ_halves ∇L_half (no graph); Hg = Σ_halves ∂(g·∇L_half)/∂w with
/// ∇L_half built with <c>create_graph</c> (second order); score = −w·Hg. Logits are divided by the temperature first.
/// </summary>
public static class Grasp
{
    public const int DefaultSamplesPerClass = 25;
    public const double DefaultTemperature = 200;

    /// <summary>
    /// Indices of the first <paramref name="samplesPerClass"/> samples of each class (fewer where the data has fewer),
    /// grouped by class in ascending class order, as the reference code concatenates them.
    /// </summary>
    public static long[] SelectSamples(IReadOnlyList<long> targets, int samplesPerClass = DefaultSamplesPerClass)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplesPerClass);
        var byClass = new SortedDictionary<long, List<long>>();
        for (var i = 0; i < targets.Count; i++)
        {
            if (!byClass.TryGetValue(targets[i], out var list)) byClass[targets[i]] = list = [];
            if (list.Count < samplesPerClass) list.Add(i);
        }
        return [.. byClass.Values.SelectMany(l => l)];
    }

    /// <summary>
    /// The Hessian-gradient product Hg for every masked weight (host arrays, forward layer order), on all the given
    /// samples (select them first with <see cref="SelectSamples"/>). The model's weights and gradients are left untouched.
    /// </summary>
    public static double[][] HessianGradientProduct(SparseModule model, Tensor inputs, Tensor targets, double temperature = DefaultTemperature)
    {
        using var scope = NewDisposeScope();
        var product = HessianGradient(model, inputs, targets, temperature);
        return [.. product.Select(p => p.data<double>())];
    }

    /// <summary>−w·Hg of every masked weight (host arrays, forward layer order): GraSP removes the largest.</summary>
    public static double[][] Scores(SparseModule model, Tensor inputs, Tensor targets, double temperature = DefaultTemperature)
    {
        using var scope = NewDisposeScope();
        var product = HessianGradient(model, inputs, targets, temperature);
        var weights = CriterionGuards.Weights(model);
        using var _ = no_grad();
        return [.. product.Select((p, i) => weights[i].mul(p).neg().data<double>())];
    }

    private static Tensor[] HessianGradient(SparseModule model, Tensor inputs, Tensor targets, double temperature)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be positive.");
        var count = inputs.size(0);
        if (count < 2) throw new ArgumentException($"GraSP needs at least 2 samples (it splits them in two halves); got {count}.", nameof(inputs));
        using var recording = enable_grad();
        var weights = CriterionGuards.Weights(model);
        var device = weights[0].device;
        var x = inputs.to(device);
        var y = targets.to(device);
        var half = count / 2;
        (Tensor X, Tensor Y)[] halves = [(x.narrow(0, 0, half), y.narrow(0, 0, half)), (x.narrow(0, half, count - half), y.narrow(0, half, count - half))];

        Tensor[]? gradient = null;
        foreach (var (xs, ys) in halves)
        {
            var g = autograd.grad([Loss(model, xs, ys, temperature)], weights);
            gradient = gradient is null ? g : [.. gradient.Zip(g, (a, b) => a.add(b))];
        }

        Tensor[]? product = null;
        foreach (var (xs, ys) in halves)
        {
            var g = autograd.grad([Loss(model, xs, ys, temperature)], weights, create_graph: true);
            Tensor? z = null;
            for (var i = 0; i < g.Length; i++)
            {
                var term = gradient![i].mul(g[i]).sum();
                z = z is null ? term : z.add(term);
            }
            var hg = autograd.grad([z!], weights);
            product = product is null ? hg : [.. product.Zip(hg, (a, b) => a.add(b))];
        }
        return product!;
    }

    private static Tensor Loss(SparseModule model, Tensor inputs, Tensor targets, double temperature) =>
        nn.functional.cross_entropy(model.forward(inputs).div(temperature), targets);
}
