namespace SparseDsl.Torch.Optim;

/// <summary>
/// Scales the base rate by a factor that moves linearly from <c>start_factor</c> to <c>end_factor</c> over
/// <c>total_iters</c> steps, then holds it (PyTorch 1.13 <c>LinearLR</c>). With <c>end_factor = 1</c> this is a
/// linear warmup; hand over to the main schedule with <see cref="SequentialLR"/> at milestone <c>total_iters</c>.
/// </summary>
public sealed class LinearLR : ChainableLRScheduler
{
    public LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, int total_iters = 5) : base(optimizer)
    {
        // PyTorch 1.13 also accepts start_factor = 0, whose rule then divides zero by zero; require it positive.
        if (!(start_factor > 0 && start_factor <= 1))
            throw new ArgumentOutOfRangeException(nameof(start_factor), start_factor, "Starting multiplicative factor expected to be greater than 0 and at most 1.");
        if (!(end_factor >= 0 && end_factor <= 1))
            throw new ArgumentOutOfRangeException(nameof(end_factor), end_factor, "Ending multiplicative factor expected to be between 0 and 1.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(total_iters);
        this.start_factor = start_factor;
        this.end_factor = end_factor;
        this.total_iters = total_iters;
        step();
    }

    public double start_factor { get; }

    public double end_factor { get; }

    public int total_iters { get; }

    private protected override double get_lr()
    {
        var lr = optimizer.LearningRate;
        if (last_epoch == 0) return lr * start_factor;
        if (last_epoch > total_iters) return lr;
        return lr * (1.0 + (end_factor - start_factor) /
            (total_iters * start_factor + (last_epoch - 1) * (end_factor - start_factor)));
    }

    private protected override double get_closed_form_lr() =>
        base_lr * (start_factor + (end_factor - start_factor) * Math.Min(total_iters, last_epoch) / total_iters);
}
