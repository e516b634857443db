using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

// Automatic mixed precision (native/src/amp.cpp): autocast state and the gradient scaler's unscale.
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int sdt_autocast_get(int deviceType, out int enabled, out sbyte dtype);
    [LibraryImport(Lib)] internal static partial int sdt_autocast_set(int deviceType, int enabled, sbyte dtype);
    [LibraryImport(Lib)] internal static partial int sdt_autocast_enter(out int depth);
    [LibraryImport(Lib)] internal static partial int sdt_autocast_exit(out int depth);
    [LibraryImport(Lib)] internal static unsafe partial int sdt_amp_unscale(IntPtr* grads, int n, TensorHandle foundInf, double invScale);
}
