namespace SparseDsl.Torch.Optim;

/// <summary>
/// Cosine annealing from the base rate down to <c>eta_min</c> over <c>T_max</c> steps, then back up (PyTorch 1.13
/// <c>CosineAnnealingLR</c>, in its recursive form, which is what PyTorch's <c>step()</c> computes).
/// </summary>
public sealed class CosineAnnealingLR : ChainableLRScheduler
{
    public CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0) : base(optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(T_max);
        ArgumentOutOfRangeException.ThrowIfNegative(eta_min);
        this.T_max = T_max;
        this.eta_min = eta_min;
        step();
    }

    public int T_max { get; }

    public double eta_min { get; }

    private protected override double get_lr()
    {
        var lr = optimizer.LearningRate;
        if (last_epoch == 0) return lr;
        // The step past the minimum: the recursive ratio below would divide by 1 + cos(pi) = 0.
        if ((last_epoch - 1 - T_max) % (2 * T_max) == 0)
            return lr + (base_lr - eta_min) * (1 - Math.Cos(Math.PI / T_max)) / 2;
        return (1 + Math.Cos(Math.PI * last_epoch / T_max)) / (1 + Math.Cos(Math.PI * (last_epoch - 1) / T_max)) * (lr - eta_min) + eta_min;
    }

    private protected override double get_closed_form_lr() =>
        eta_min + (base_lr - eta_min) * (1 + Math.Cos(Math.PI * last_epoch / T_max)) / 2;
}
