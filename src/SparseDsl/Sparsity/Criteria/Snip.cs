using SparseDsl.Modeling;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Sparsity.Criteria;

/// <summary>
/// SNIP's connection sensitivity (Lee et al. 2019): the gradient of the loss with respect to a multiplicative mask m = 1
/// on each weight, ∂L/∂m = g·w, in absolute value, on one batch.
/// </summary>
public static class Snip
{
    /// <summary>
    /// |g·w| of every masked weight (host arrays, forward layer order, elements in the weight's row-major order)
    /// for the cross-entropy of <paramref name="model"/> on one batch. The reference code's models end in log-softmax and
    /// use the NLL loss, which is this cross-entropy on logits. The model's weights and gradients are left untouched.
    /// </summary>
    public static double[][] Scores(SparseModule model, Tensor inputs, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        using var scope = NewDisposeScope();
        using var recording = enable_grad();
        var weights = CriterionGuards.Weights(model);
        var device = weights[0].device;
        var output = model.forward(inputs.to(device));
        var loss = nn.functional.cross_entropy(output, targets.to(device));
        var gradients = autograd.grad([loss], weights);
        using var _ = no_grad();
        return [.. gradients.Select((g, i) => g.mul(weights[i]).abs().data<double>())];
    }

    /// <summary>
    /// Re-initialises every masked weight Xavier-normal (std = √(2 / (fan_in + fan_out))), drawing from a generator of its
    /// own seeded with <paramref name="seed"/>, so the global generator's sequence is not disturbed.
    /// The official SNIP-ratio code scores such a re-initialised copy of the network.
    /// </summary>
    public static void XavierNormal(SparseModule model, long seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var generator = new Generator(unchecked((ulong)seed));
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        foreach (var (_, layer) in model.MaskedLayers)
        {
            var weight = layer.weight;
            var (fanIn, fanOut) = nn.init.calculate_fan_in_and_fan_out(weight);
            var draw = randn(weight.shape, weight.dtype, CPU, generator: generator).mul(Math.Sqrt(2.0 / (fanIn + fanOut)));
            weight.copy_(draw.to(weight.device));
        }
    }
}
