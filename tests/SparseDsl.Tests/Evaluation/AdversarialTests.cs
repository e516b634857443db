using SparseDsl.Data;
using SparseDsl.Evaluation;

namespace SparseDsl.Tests.Evaluation;

/// <summary>
/// A linear two-class model with W = [[1, −1], [−1, 1]] and no bias on inputs normalised with mean 0.5 and std 0.25:
/// the loss gradient's sign is (−1, +1) for target 0 and (+1, −1) for target 1 whatever the input, so FGSM and PGD
/// have answers computable by hand.
/// </summary>
public class AdversarialTests
{
    private static readonly InputNormalization TwoPixels = new([0.5, 0.5], [0.25, 0.25]);

    private static Torch.Modules.Sequential Model()
    {
        var linear = nn.Linear(2, 2, bias: false);
        using (torch.no_grad())
        using (var w = torch.tensor(new float[] { 1, -1, -1, 1 }, [2, 2]))
            linear.weight.copy_(w);
        return nn.Sequential(nn.Flatten(), linear);
    }

    private static float[] Pixels(Tensor normalised)
    {
        using var scope = NewDisposeScope();
        return TwoPixels.ToPixels(normalised).data<float>();
    }

    [Fact]
    public void Fgsm_steps_epsilon_along_the_gradient_sign_in_pixel_space_and_clamps_to_the_unit_interval()
    {
        using var scope = NewDisposeScope();
        using var model = Model();
        // Pixels (0.5, 0.5), target 0 → (0.4, 0.6); pixels (0.95, 0.05), target 1 → (1.05, −0.05) clamped to (1, 0).
        var input = TwoPixels.FromPixels(torch.tensor(new float[] { 0.5f, 0.5f, 0.95f, 0.05f }, [2, 2]));
        var target = torch.tensor(new long[] { 0, 1 });

        var adversarial = Adversarial.Perturb(model, input, target, new AdversarialAttack(AttackKind.Fgsm, 0.1), TwoPixels);

        var pixels = Pixels(adversarial);
        float[] expected = [0.4f, 0.6f, 1f, 0f];
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], pixels[i], 1e-6f);
        // The attacked input is normalised: (0.4 − 0.5) / 0.25 = −0.4.
        Assert.Equal(-0.4f, adversarial.data<float>()[0], 1e-5f);
    }

    [Fact]
    public void Pgd_ends_on_the_corner_of_the_epsilon_ball_the_gradient_points_to_from_any_random_start()
    {
        using var scope = NewDisposeScope();
        using var model = Model();
        var input = TwoPixels.FromPixels(torch.tensor(new float[] { 0.5f, 0.5f, 0.95f, 0.05f }, [2, 2]));
        var target = torch.tensor(new long[] { 0, 1 });
        // α = 2.5 · 0.1 / 10: ten steps move 0.25, more than the 0.2 from the far side of the ball.
        foreach (var seed in new long[] { 1, 2, 3 })
        {
            using var generator = new Generator((ulong)seed);
            var adversarial = Adversarial.Perturb(model, input, target, new AdversarialAttack(AttackKind.Pgd, 0.1, Seed: seed), TwoPixels, generator);
            var pixels = Pixels(adversarial);
            float[] expected = [0.4f, 0.6f, 1f, 0.0f];
            for (var i = 0; i < 4; i++) Assert.Equal(expected[i], pixels[i], 1e-6f);
        }
    }

    [Fact]
    public void Pgd_without_steps_is_a_random_point_of_the_ball_inside_the_unit_interval()
    {
        using var scope = NewDisposeScope();
        using var model = Model();
        var original = new float[] { 0.5f, 0.5f, 0.95f, 0.05f };
        var input = TwoPixels.FromPixels(torch.tensor(original, [2, 2]));
        using var generator = new Generator(5);
        var attack = new AdversarialAttack(AttackKind.Pgd, 0.1, Steps: 0);

        var pixels = Pixels(Adversarial.Perturb(model, input, torch.tensor(new long[] { 0, 1 }), attack, TwoPixels, generator));

        for (var i = 0; i < 4; i++)
        {
            Assert.InRange(pixels[i], 0f, 1f);
            Assert.InRange(pixels[i], original[i] - 0.1f - 1e-6f, original[i] + 0.1f + 1e-6f);
        }
        Assert.NotEqual(original[0], pixels[0]);
        Assert.Equal(0.25, new AdversarialAttack(AttackKind.Pgd, 0.1, Steps: 1).StepSize, 1e-12);
    }

    [Fact]
    public void Robust_accuracy_over_a_dataset_at_three_budgets()
    {
        // Image A: pixels (0.2, 0.8), class 1, margin 0.3 to the boundary x₀ = x₁ per pixel.
        // Image B: pixels (0.6, 0.4), class 0, margin 0.1.
        // FGSM at ε = 0.05 flips neither, at 0.15 flips B, at 0.35 both.
        var dataset = new ImageDataset("two", [51, 204, 153, 102], [1, 0], 1, 1, 2, 2, [0.5], [0.25]);
        using var data = new DeviceBatches(dataset, CPU);
        using var model = Model();
        var normalization = InputNormalization.Of(data);

        var clean = MetricsEvaluator.Evaluate(model, data);
        Assert.Equal(1, clean.Top1);
        double Accuracy(AttackKind kind, double epsilon) =>
            Adversarial.Evaluate(model, data, new AdversarialAttack(kind, epsilon), normalization, batchSize: 1).Accuracy;
        Assert.Equal(1, Accuracy(AttackKind.Fgsm, 0.05));
        Assert.Equal(0.5, Accuracy(AttackKind.Fgsm, 0.15));
        Assert.Equal(0, Accuracy(AttackKind.Fgsm, 0.35));
        Assert.Equal(0.5, Accuracy(AttackKind.Pgd, 0.15));
        Assert.Equal(1, Accuracy(AttackKind.Pgd, 0));
        Assert.True(model.training, "evaluation puts the model back in the mode it found it in");
    }
}
