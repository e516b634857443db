using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Optim;

/// <summary>
/// Base of the optimizers: one group of parameters with one learning rate (PyTorch's single param group).
/// The parameters stay owned by their module; the optimizer owns its state tensors and frees them on dispose.
/// </summary>
public abstract class Optimizer : IDisposable
{
    private double learningRate;

    protected Optimizer(IEnumerable<nn.Parameter> parameters, double lr)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = [.. parameters];
        if (Parameters.Count == 0) throw new ArgumentException("optimizer got an empty parameter list", nameof(parameters));
        var seen = new HashSet<nn.Parameter>(ReferenceEqualityComparer.Instance);
        foreach (var p in Parameters)
            if (!seen.Add(p)) throw new ArgumentException("a parameter appears more than once in the optimizer's parameter list", nameof(parameters));
        LearningRate = lr;
    }

    /// <summary>The parameters, in the order given; state and masks are indexed the same way.</summary>
    public IReadOnlyList<nn.Parameter> Parameters { get; }

    /// <summary>The learning rate the next <see cref="step"/> uses (PyTorch's <c>param_groups[0]['lr']</c>); schedulers set it.</summary>
    public double LearningRate
    {
        get => learningRate;
        set => learningRate = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Invalid learning rate: must be >= 0.");
    }

    /// <summary>
    /// The learning rate schedules start from (PyTorch's <c>param_groups[0]['initial_lr']</c>): set to
    /// <see cref="LearningRate"/> by the first scheduler made for this optimizer, null before.
    /// </summary>
    public double? InitialLearningRate { get; internal set; }

    protected bool IsDisposed { get; private set; }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public abstract void step();

    /// <summary>Drops every parameter's gradient (PyTorch's <c>zero_grad(set_to_none=True)</c>).</summary>
    public void zero_grad()
    {
        foreach (var p in Parameters) p.clear_grad();
    }

    /// <summary>The live per-parameter state tensors, named <c>index.key</c> (e.g. <c>0.momentum_buffer</c>). Owned by the optimizer.</summary>
    public abstract IEnumerable<(string name, Tensor tensor)> named_state();

    /// <summary>A snapshot (copies) of hyperparameters and state, for checkpoints and exact resume.</summary>
    public abstract OptimizerState state_dict();

    /// <summary>Restores a snapshot made by <see cref="state_dict"/>; the state tensors are copied in.</summary>
    public abstract void load_state_dict(OptimizerState state);

    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);

    public void Dispose()
    {
        if (IsDisposed) return;
        IsDisposed = true;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the optimizer's own tensors (never the parameters).</summary>
    protected abstract void Dispose(bool disposing);
}
