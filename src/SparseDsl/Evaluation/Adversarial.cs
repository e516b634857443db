using SparseDsl.Data;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Evaluation;

/// <summary>
/// FGSM and PGD (L∞) against a classifier that takes normalised inputs. The attack works on pixels in [0, 1]
/// (ε in pixel units), clamps every iterate to [0, 1], and normalises what it feeds the model. The model is in eval
/// mode; gradients are taken with respect to the input only (parameters' .grad is left alone).
/// </summary>
public static class Adversarial
{
    /// <summary>
    /// The adversarial version of a normalised batch <paramref name="input"/>, normalised. <paramref name="generator"/>
    /// draws PGD's random start (a CPU generator; the draw is moved to the input's device).
    /// </summary>
    public static Tensor Perturb(nn.Module<Tensor, Tensor> model, Tensor input, Tensor target, AdversarialAttack attack,
        InputNormalization normalization, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(attack);
        if (!(attack.Epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(attack), attack.Epsilon, "ε must be non-negative");
        using var scope = NewDisposeScope();
        var original = normalization.ToPixels(input).clamp_(0, 1);
        var adversarial = attack.Kind == AttackKind.Fgsm
            ? Fgsm(model, original, target, attack.Epsilon, normalization)
            : Pgd(model, original, target, attack, normalization, generator);
        return scope.MoveToOuter(normalization.FromPixels(adversarial));
    }

    /// <summary>x' = clamp(x + ε · sign(∇ₓ loss(x)), 0, 1), on pixels.</summary>
    public static Tensor Fgsm(nn.Module<Tensor, Tensor> model, Tensor pixels, Tensor target, double epsilon, InputNormalization normalization)
    {
        using var scope = NewDisposeScope();
        var step = LossGradientSign(model, pixels, target, normalization);
        return scope.MoveToOuter(pixels.add(step.mul(epsilon)).clamp_(0, 1));
    }

    /// <summary>
    /// x₀ = clamp(x + U(−ε, ε), 0, 1); x_{k+1} = clamp(min(max(x_k + α · sign(∇ loss), x − ε), x + ε), 0, 1), on pixels.
    /// </summary>
    public static Tensor Pgd(nn.Module<Tensor, Tensor> model, Tensor pixels, Tensor target, AdversarialAttack attack,
        InputNormalization normalization, Generator? generator = null)
    {
        using var scope = NewDisposeScope();
        var epsilon = attack.Epsilon;
        var lower = pixels.sub(epsilon);
        var upper = pixels.add(epsilon);
        var start = torch.rand(pixels.shape, ScalarType.Float32, generator: generator).to(pixels.device);
        var current = pixels.add(start.mul_(2 * epsilon).sub_(epsilon)).clamp_(0, 1);
        for (var k = 0; k < attack.Steps; k++)
        {
            using var stepScope = NewDisposeScope();
            var step = LossGradientSign(model, current, target, normalization);
            var next = current.add(step.mul(attack.StepSize)).maximum(lower).minimum(upper).clamp_(0, 1);
            current = stepScope.MoveToOuter(next);
        }
        return scope.MoveToOuter(current);
    }

    /// <summary>sign(∂ Σ cross-entropy / ∂ pixels), with the graph recorded even inside no_grad.</summary>
    private static Tensor LossGradientSign(nn.Module<Tensor, Tensor> model, Tensor pixels, Tensor target, InputNormalization normalization)
    {
        using var scope = NewDisposeScope();
        using var grad = torch.enable_grad();
        var x = pixels.detach().requires_grad_(true);
        var loss = nn.functional.cross_entropy(model.forward(normalization.FromPixels(x)), target, reduction: nn.Reduction.Sum);
        var gradient = torch.autograd.grad([loss], [x])[0];
        return scope.MoveToOuter(gradient.sign());
    }

    /// <summary>Accuracy on the adversarial version of every sample of <paramref name="data"/>, in eval mode.</summary>
    public static RobustAccuracy Evaluate(nn.Module<Tensor, Tensor> model, IBatchSource data, AdversarialAttack attack,
        InputNormalization normalization, int batchSize = 256, CancellationToken cancellation = default)
    {
        using var generator = new Generator(unchecked((ulong)attack.Seed));
        long correct = 0, count = 0;
        using var hits = torch.zeros([1], ScalarType.Int64, data.Device).DetachFromDisposeScope();
        MetricsEvaluator.InEvalMode(model, () =>
        {
            foreach (var (input, target) in data.Epoch(batchSize, shuffle: false, seed: 0, epoch: 0, cancellation: cancellation))
            {
                using var step = NewDisposeScope();
                using var x = input;
                using var y = target;
                var adversarial = Perturb(model, x, y, attack, normalization, generator);
                using var noGrad = torch.no_grad();
                hits.add_(model.forward(adversarial).argmax(1).eq(y).sum());
                count += y.size(0);
            }
        });
        correct = hits.item<long>();
        return new RobustAccuracy(attack, count == 0 ? 0 : (double)correct / count, count);
    }
}
