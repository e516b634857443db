using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Runner.Experiments;

/// <summary>
/// Keeps a copy of the model state from the epoch with the best validation accuracy, so the test score is that
/// of the best-validation model, as the paper's recipe prescribes.
/// </summary>
internal sealed class BestWeights(nn.Module model) : IDisposable
{
    private List<Tensor>? copies;

    public double Accuracy { get; private set; } = double.NegativeInfinity;

    public int Epoch { get; private set; }

    public void Offer(int epoch, double validationAccuracy)
    {
        if (validationAccuracy <= Accuracy) return;
        Accuracy = validationAccuracy;
        Epoch = epoch;
        using var _ = torch.no_grad();
        if (copies is null)
        {
            copies = [.. model.state_dict().Select(s => s.tensor.clone().DetachFromDisposeScope())];
            return;
        }
        foreach (var (copy, (_, tensor)) in copies.Zip(model.state_dict())) copy.copy_(tensor);
    }

    /// <summary>Puts the best state back into the model (no-op when nothing was offered).</summary>
    public void Restore()
    {
        if (copies is null) return;
        using var _ = torch.no_grad();
        foreach (var (copy, (_, tensor)) in copies.Zip(model.state_dict())) tensor.copy_(copy);
    }

    public void Dispose()
    {
        foreach (var c in copies ?? []) c.Dispose();
    }
}
