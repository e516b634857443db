using System.Globalization;

namespace SparseDsl.Torch.Optim;

/// <summary>
/// Runs schedules one after another (PyTorch 1.13 <c>SequentialLR</c>): schedule <c>i</c> drives epochs from
/// milestone <c>i-1</c> on, restarting at its own epoch 0 (closed form) when it takes over. The usual warmup shape is
/// <c>SequentialLR(opt, [LinearLR(opt, 0.1, total_iters: w), CosineAnnealingLR(opt, T_max: n - w)], [w])</c>.
/// </summary>
public sealed class SequentialLR : LRScheduler
{
    private readonly ChainableLRScheduler[] schedulers;
    private readonly int[] milestones;

    public SequentialLR(Optimizer optimizer, IEnumerable<ChainableLRScheduler> schedulers, IEnumerable<int> milestones) : base(optimizer)
    {
        ArgumentNullException.ThrowIfNull(schedulers);
        ArgumentNullException.ThrowIfNull(milestones);
        this.schedulers = [.. schedulers];
        this.milestones = [.. milestones];
        if (this.schedulers.Length == 0) throw new ArgumentException("SequentialLR needs at least one schedule.", nameof(schedulers));
        if (this.schedulers.Any(s => !ReferenceEquals(s.optimizer, optimizer)))
            throw new ArgumentException("SequentialLR expects all schedules to belong to its optimizer.", nameof(schedulers));
        if (this.milestones.Length != this.schedulers.Length - 1)
            throw new ArgumentException(
                $"SequentialLR expects one milestone fewer than schedules, got {this.schedulers.Length} schedules and {this.milestones.Length} milestones.",
                nameof(milestones));
        for (var i = 1; i < this.milestones.Length; i++)
            if (this.milestones[i] <= this.milestones[i - 1])
                throw new ArgumentException("SequentialLR milestones must be strictly increasing.", nameof(milestones));

        // Building each schedule stepped it once; undo that and start only the first, as PyTorch does.
        last_epoch = 0;
        optimizer.LearningRate = optimizer.InitialLearningRate!.Value;
        foreach (var s in this.schedulers) s.last_epoch -= 1;
        this.schedulers[0].step();
        LastLearningRate = this.schedulers[0].get_last_lr();
    }

    public IReadOnlyList<ChainableLRScheduler> Schedulers => schedulers;

    public IReadOnlyList<int> Milestones => milestones;

    public override void step()
    {
        last_epoch++;
        var index = milestones.Count(m => m <= last_epoch);
        var active = schedulers[index];
        if (index > 0 && milestones[index - 1] == last_epoch) active.StepTo(0);
        else active.step();
        LastLearningRate = active.get_last_lr();
    }

    internal override void SaveState(IDictionary<string, double> state, string prefix)
    {
        base.SaveState(state, prefix);
        for (var i = 0; i < schedulers.Length; i++) schedulers[i].SaveState(state, ChildPrefix(prefix, i));
    }

    internal override void LoadState(IReadOnlyDictionary<string, double> state, string prefix)
    {
        base.LoadState(state, prefix);
        for (var i = 0; i < schedulers.Length; i++) schedulers[i].LoadState(state, ChildPrefix(prefix, i));
    }

    private static string ChildPrefix(string prefix, int index) => $"{prefix}schedulers.{index.ToString(CultureInfo.InvariantCulture)}.";
}
