using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Optim;

/// <summary>
/// A snapshot of an optimizer (PyTorch's <c>optimizer.state_dict()</c>) in a shape any checkpoint writer can store:
/// named numbers (hyperparameters such as <c>lr</c>) and named tensors (per-parameter state such as
/// <c>0.momentum_buffer</c>, keyed by the parameter's index as in PyTorch). The snapshot owns its tensors,
/// which are copies, so training on does not change it; dispose it to free them.
/// </summary>
public sealed class OptimizerState : IDisposable
{
    /// <summary>Takes ownership of <paramref name="tensors"/> (they leave any dispose scope).</summary>
    public OptimizerState(IReadOnlyDictionary<string, double> hyperparameters, IReadOnlyList<(string name, Tensor tensor)> tensors)
    {
        var names = new HashSet<string>();
        foreach (var (name, tensor) in tensors)
        {
            if (!names.Add(name)) throw new ArgumentException($"Optimizer state names tensor '{name}' twice.", nameof(tensors));
            tensor.DetachFromDisposeScope();
        }
        Hyperparameters = new Dictionary<string, double>(hyperparameters);
        Tensors = [.. tensors];
    }

    public IReadOnlyDictionary<string, double> Hyperparameters { get; }

    public IReadOnlyList<(string name, Tensor tensor)> Tensors { get; }

    /// <summary>The tensor stored under <paramref name="name"/>, or null.</summary>
    public Tensor? Find(string name)
    {
        foreach (var (n, t) in Tensors)
            if (n == name) return t;
        return null;
    }

    /// <summary>The hyperparameter <paramref name="name"/>; a missing one means the snapshot is of another optimizer.</summary>
    public double Get(string name) =>
        Hyperparameters.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"Optimizer state has no hyperparameter '{name}' (is it from another optimizer?).");

    public void Dispose()
    {
        foreach (var (_, tensor) in Tensors) tensor.Dispose();
    }
}
