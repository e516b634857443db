using System.Globalization;

namespace SparseDsl.Torch.Optim;

/// <summary>
/// Base of learning-rate schedules (PyTorch's <c>_LRScheduler</c>): each <see cref="step"/> (once per epoch or
/// iteration, after <c>optimizer.step()</c>) sets the optimizer's <see cref="Optimizer.LearningRate"/>.
/// The position is a few numbers (<see cref="state_dict"/>), so a resumed run continues exactly where it stopped.
/// </summary>
public abstract class LRScheduler
{
    private protected LRScheduler(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        this.optimizer = optimizer;
    }

    public Optimizer optimizer { get; }

    /// <summary>How many times the schedule has stepped since it started (PyTorch's <c>last_epoch</c>; 0 after construction).</summary>
    public long last_epoch { get; internal set; }

    /// <summary>The learning rate this schedule set last (PyTorch's <c>get_last_lr()[0]</c>; one parameter group here).</summary>
    public double get_last_lr() => LastLearningRate;

    private protected double LastLearningRate { get; set; }

    /// <summary>Advances the schedule by one and sets the optimizer's learning rate.</summary>
    public abstract void step();

    /// <summary>The schedule's position as named numbers (PyTorch's <c>state_dict()</c> minus the fixed hyperparameters).</summary>
    public IReadOnlyDictionary<string, double> state_dict()
    {
        var state = new Dictionary<string, double>();
        SaveState(state, "");
        return state;
    }

    /// <summary>
    /// Restores a position saved by <see cref="state_dict"/> of a schedule built the same way, and sets the
    /// optimizer's learning rate to the restored one (so the order of loading optimizer and schedule does not matter).
    /// </summary>
    public void load_state_dict(IReadOnlyDictionary<string, double> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var expected = state_dict().Keys.ToHashSet();
        if (!expected.SetEquals(state.Keys))
            throw new ArgumentException(
                $"Scheduler state has keys [{string.Join(", ", state.Keys.Order())}] but this {GetType().Name} expects [{string.Join(", ", expected.Order())}].",
                nameof(state));
        LoadState(state, "");
        optimizer.LearningRate = LastLearningRate;
    }

    internal virtual void SaveState(IDictionary<string, double> state, string prefix)
    {
        state[prefix + "last_epoch"] = last_epoch;
        state[prefix + "last_lr"] = LastLearningRate;
    }

    internal virtual void LoadState(IReadOnlyDictionary<string, double> state, string prefix)
    {
        var epoch = state[prefix + "last_epoch"];
        if (epoch != Math.Floor(epoch) || Math.Abs(epoch) > 1L << 53)
            throw new ArgumentException($"Scheduler state '{prefix}last_epoch' = {epoch.ToString(CultureInfo.InvariantCulture)} is not a whole number.", nameof(state));
        last_epoch = (long)epoch;
        LastLearningRate = state[prefix + "last_lr"];
    }
}
