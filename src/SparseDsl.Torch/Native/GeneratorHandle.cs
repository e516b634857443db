using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

/// <summary>Owns one native <c>at::Generator*</c> (a reference to a generator engine); releasing it frees that reference once.</summary>
public sealed class GeneratorHandle : SafeHandle
{
    public GeneratorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    /// <summary>The null handle passed for "use libtorch's default generator". Never disposed.</summary>
    internal static readonly GeneratorHandle Null = new();

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.sdt_generator_free(handle);
        return true;
    }
}
