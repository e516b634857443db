using System.Runtime.InteropServices;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Optim;

/// <summary>
/// The raw native pointers of a list of tensors for one native call (zero for a null entry). Each handle is
/// reference-counted until <see cref="Dispose"/>, so a tensor disposed meanwhile cannot be freed under the call,
/// and a tensor already disposed fails here with <see cref="ObjectDisposedException"/> instead of crashing native code.
/// </summary>
internal sealed class BorrowedHandles : IDisposable
{
    private readonly SafeHandle?[] borrowed;

    public BorrowedHandles(IReadOnlyList<Tensor?> tensors)
    {
        Pointers = new IntPtr[tensors.Count];
        borrowed = new SafeHandle?[tensors.Count];
        try
        {
            for (var i = 0; i < tensors.Count; i++)
            {
                if (tensors[i] is not { } tensor) continue;
                var handle = tensor.Handle;
                var added = false;
                handle.DangerousAddRef(ref added);
                if (added) borrowed[i] = handle;
                Pointers[i] = handle.DangerousGetHandle();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>One pointer per tensor, in order; pin it for the native call.</summary>
    public IntPtr[] Pointers { get; }

    public void Dispose()
    {
        for (var i = 0; i < borrowed.Length; i++)
        {
            borrowed[i]?.DangerousRelease();
            borrowed[i] = null;
        }
    }
}
