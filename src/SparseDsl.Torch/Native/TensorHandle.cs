using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

/// <summary>Owns one native <c>at::Tensor*</c>; releasing it frees the native tensor exactly once.</summary>
public sealed class TensorHandle : SafeHandle
{
    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    /// <summary>The null handle passed for an absent optional tensor. Never disposed.</summary>
    internal static readonly TensorHandle Null = new();

    internal TensorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.sdt_tensor_free(handle);
        return true;
    }
}
