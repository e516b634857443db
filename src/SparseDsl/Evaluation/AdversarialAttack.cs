using System.Globalization;

namespace SparseDsl.Evaluation;

public enum AttackKind
{
    /// <summary>Fast gradient sign method (Goodfellow et al., 2015): one step of ε · sign(∇ₓ loss).</summary>
    Fgsm,

    /// <summary>Projected gradient descent (Madry et al., 2018): random start in the ε-ball, then steps of α · sign(∇ₓ loss), projected back.</summary>
    Pgd,
}

/// <summary>
/// An L∞ attack on pixels in [0, 1]: ε is in pixel units, before normalisation (8/255 is eight grey levels).
/// PGD takes <see cref="Steps"/> steps of <see cref="StepSize"/> (default α = 2.5·ε/steps, Madry et al.'s choice)
/// from a random start drawn from <see cref="Seed"/>.
/// </summary>
public sealed record AdversarialAttack(AttackKind Kind, double Epsilon, int Steps = AdversarialAttack.DefaultSteps, double? Alpha = null, long Seed = 0)
{
    public const int DefaultSteps = 10;

    /// <summary>The PGD step: <see cref="Alpha"/> when given, else 2.5·ε/steps; ε for FGSM's single step.</summary>
    public double StepSize => Kind == AttackKind.Fgsm ? Epsilon : Alpha ?? 2.5 * Epsilon / Steps;

    public string Name => Kind == AttackKind.Fgsm ? "fgsm" : "pgd";

    public override string ToString() => Kind == AttackKind.Fgsm
        ? string.Create(CultureInfo.InvariantCulture, $"FGSM ε={Epsilon:0.#####}")
        : string.Create(CultureInfo.InvariantCulture, $"PGD-{Steps} ε={Epsilon:0.#####} α={StepSize:0.#####}");
}

/// <summary>Accuracy of a model on adversarial examples made from every sample of a set.</summary>
public sealed record RobustAccuracy(AdversarialAttack Attack, double Accuracy, long Count);
