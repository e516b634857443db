using SparseDsl.Modeling;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Sparsity.Criteria;

/// <summary>
/// A copy of a model's parameters, buffers and training mode, put back by <see cref="Restore"/>: criteria that
/// re-initialise or linearise the weights score a temporary state and leave the model exactly as they found it.
/// </summary>
internal sealed class ModelSnapshot : IDisposable
{
    private readonly SparseModule model;
    private readonly bool training;
    private readonly List<(Tensor Live, Tensor Saved)> entries = [];

    private ModelSnapshot(SparseModule model)
    {
        this.model = model;
        training = model.training;
        using var _ = no_grad();
        foreach (var (_, tensor) in model.state_dict())
            entries.Add((tensor, tensor.clone().DetachFromDisposeScope()));
    }

    public static ModelSnapshot Take(SparseModule model) => new(model);

    /// <summary>Copies every saved tensor back in place (identities kept) and restores the training mode.</summary>
    public void Restore()
    {
        using (no_grad())
            foreach (var (live, saved) in entries) live.copy_(saved);
        model.train(training);
    }

    public void Dispose()
    {
        foreach (var (_, saved) in entries) saved.Dispose();
        entries.Clear();
    }
}
