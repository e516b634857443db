namespace SparseDsl.Torch.Optim;

/// <summary>
/// A schedule given by a rule (PyTorch's chainable <c>get_lr</c>, which derives the next rate from the optimizer's
/// current one) and a closed form of the epoch (used when <see cref="SequentialLR"/> hands over to it).
/// The rules are PyTorch 1.13's, operation for operation, so the rates match PyTorch's bit for bit.
/// Constructing one performs PyTorch's initial step: <see cref="LRScheduler.last_epoch"/> becomes 0.
/// </summary>
public abstract class ChainableLRScheduler : LRScheduler
{
    private protected ChainableLRScheduler(Optimizer optimizer) : base(optimizer)
    {
        // PyTorch: group.setdefault('initial_lr', group['lr']): the first schedule made fixes the base rate.
        optimizer.InitialLearningRate ??= optimizer.LearningRate;
        base_lr = optimizer.InitialLearningRate.Value;
        last_epoch = -1;
    }

    /// <summary>The rate the schedule starts from: the optimizer's <see cref="Optimizer.InitialLearningRate"/>.</summary>
    public double base_lr { get; private set; }

    /// <summary>The rate at <see cref="LRScheduler.last_epoch"/>, from the optimizer's current rate.</summary>
    private protected abstract double get_lr();

    /// <summary>The rate at <see cref="LRScheduler.last_epoch"/> from <see cref="base_lr"/> alone.</summary>
    private protected abstract double get_closed_form_lr();

    public override void step()
    {
        last_epoch++;
        Apply(get_lr());
    }

    /// <summary>Jumps to <paramref name="epoch"/> using the closed form (PyTorch's <c>step(epoch)</c>).</summary>
    internal void StepTo(long epoch)
    {
        last_epoch = epoch;
        Apply(get_closed_form_lr());
    }

    private void Apply(double lr)
    {
        optimizer.LearningRate = lr;
        LastLearningRate = lr;
    }

    internal override void SaveState(IDictionary<string, double> state, string prefix)
    {
        base.SaveState(state, prefix);
        state[prefix + "base_lr"] = base_lr;
    }

    internal override void LoadState(IReadOnlyDictionary<string, double> state, string prefix)
    {
        base.LoadState(state, prefix);
        base_lr = state[prefix + "base_lr"];
    }
}
