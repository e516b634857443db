namespace SparseDsl.Torch.Optim;

/// <summary>Multiplies the rate by <c>gamma</c> at each milestone epoch (PyTorch 1.13 <c>MultiStepLR</c>; a repeated milestone decays repeatedly).</summary>
public sealed class MultiStepLR : ChainableLRScheduler
{
    private readonly int[] milestones;

    public MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1) : base(optimizer)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        this.milestones = [.. milestones.Order()];
        this.gamma = gamma;
        step();
    }

    public IReadOnlyList<int> Milestones => milestones;

    public double gamma { get; }

    private protected override double get_lr()
    {
        var hits = milestones.Count(m => m == last_epoch);
        return hits == 0 ? optimizer.LearningRate : optimizer.LearningRate * Math.Pow(gamma, hits);
    }

    private protected override double get_closed_form_lr() => base_lr * Math.Pow(gamma, milestones.Count(m => m <= last_epoch));
}
