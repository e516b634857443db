using SparseDsl.Modeling;
using SparseDsl.Torch.Optim;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Training;

/// <summary>
/// SGD for a masked model: each masked weight's gradient is multiplied by its mask inside the optimizer's
/// single native step, before weight decay and momentum. Pruned weights therefore get zero gradient, zero
/// momentum and — being zero — zero weight decay: they stay exactly 0.0 for the whole run, with no extra
/// pass over the weights after the step (the official code re-multiplies weights by masks after each step).
/// </summary>
public static class MaskedSgd
{
    public static SGD Create(SparseModule model, TrainingSettings settings)
    {
        var parameters = model.parameters().ToList();
        var optimizer = optim.SGD(parameters, settings.LearningRate, settings.Momentum, 0, settings.WeightDecay, settings.Nesterov);
        optimizer.SetGradientMasks(GradientMasks(model, parameters));
        return optimizer;
    }

    /// <summary>For each parameter, in order, its layer's mask when it is a masked weight, else null.</summary>
    public static IReadOnlyList<Tensor?> GradientMasks(SparseModule model, IReadOnlyList<nn.Parameter> parameters)
    {
        var maskOf = model.MaskedLayers.ToDictionary(l => (object)l.Layer.weight, l => l.Layer.weight_mask, ReferenceEqualityComparer.Instance);
        return [.. parameters.Select(p => maskOf.GetValueOrDefault(p))];
    }
}
