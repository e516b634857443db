using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

/// <summary>Owns one native process group (store and backend); releasing it leaves the group exactly once.</summary>
internal sealed class ProcessGroupHandle : SafeHandle
{
    public ProcessGroupHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    internal ProcessGroupHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.sdt_dist_free(handle);
        return true;
    }
}
