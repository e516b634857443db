using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Data;

/// <summary>
/// A batch made on a worker thread and waiting in a prefetch queue: owned by no dispose scope until handed over,
/// then registered with the consumer thread's innermost scope, as a batch made on that thread would be.
/// </summary>
internal sealed class TensorPair(Tensor input, Tensor target) : IDisposable
{
    public TensorPair((Tensor Input, Tensor Target) batch) : this(batch.Input, batch.Target) { }

    /// <summary>Hands the tensors to the calling thread (its current dispose scope, if any).</summary>
    public (Tensor Input, Tensor Target) HandOver()
    {
        Adopt(input);
        Adopt(target);
        return (input, target);
    }

    private static void Adopt(Tensor tensor) => DisposeScope.Current?.Register(tensor);

    public void Dispose()
    {
        input.Dispose();
        target.Dispose();
    }
}
