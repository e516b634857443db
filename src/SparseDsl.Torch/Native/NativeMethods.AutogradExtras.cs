using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

// Grad mode and torch.autograd.grad (native/src/autograd.cpp); the basics are in NativeMethods.Autograd.cs.
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int sdt_autograd_is_grad_enabled(out int enabled);
    [LibraryImport(Lib)] internal static partial int sdt_autograd_set_grad_enabled([MarshalAs(UnmanagedType.U1)] bool enabled);

    [LibraryImport(Lib)]
    internal static unsafe partial int sdt_autograd_grad(IntPtr* outputs, int nOutputs, IntPtr* inputs, int nInputs,
        IntPtr* gradOutputs, int nGradOutputs, int retainGraph, [MarshalAs(UnmanagedType.U1)] bool createGraph,
        [MarshalAs(UnmanagedType.U1)] bool allowUnused, IntPtr* results);
}
