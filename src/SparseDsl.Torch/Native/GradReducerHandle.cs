using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

/// <summary>
/// Owns one native gradient reducer (native/src/grad_reducer.cpp); releasing it removes its autograd hooks, once.
/// </summary>
internal sealed class GradReducerHandle : SafeHandle
{
    public GradReducerHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    internal GradReducerHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.sdt_grad_reducer_free(handle);
        return true;
    }
}
