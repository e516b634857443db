using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch;

/// <summary>
/// Frees every tensor made on this thread while the scope is the innermost one, when the scope is disposed
/// (as TorchSharp's DisposeScope). Tensors to keep are moved out with <see cref="MoveToOuter{T}(T)"/>
/// or <see cref="Tensor.MoveToOuterDisposeScope"/>; <see cref="Tensor.DetachFromDisposeScope"/> hands
/// a tensor to the caller's own care.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? current;

    private readonly HashSet<Tensor> tensors = new(ReferenceEqualityComparer.Instance);
    private bool disposed;

    internal DisposeScope()
    {
        Outer = current;
        current = this;
    }

    /// <summary>The scope that was innermost when this one was opened, if any.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>The innermost open scope of this thread, if any.</summary>
    internal static DisposeScope? Current => current;

    /// <summary>Number of tensors this scope will free.</summary>
    public int Count => tensors.Count;

    internal void Register(Tensor tensor)
    {
        tensors.Add(tensor);
        tensor.OwningScope = this;
    }

    internal void Forget(Tensor tensor)
    {
        tensors.Remove(tensor);
        tensor.OwningScope = null;
    }

    /// <summary>Moves a tensor to the enclosing scope (or out of all scopes), so it outlives this one.</summary>
    public T MoveToOuter<T>(T tensor) where T : Tensor
    {
        Forget(tensor);
        Outer?.Register(tensor);
        return tensor;
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var tensor in tensors)
        {
            tensor.OwningScope = null;
            tensor.Dispose();
        }
        tensors.Clear();
        // Scopes nest strictly; closing this one re-opens the one it shadowed.
        if (ReferenceEquals(current, this)) current = Outer;
    }
}
