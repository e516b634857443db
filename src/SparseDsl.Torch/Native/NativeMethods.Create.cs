using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_arange(double start, double end, double step, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);

    // *_like: dtype -1 / deviceType -1 keep the source's.
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_zeros_like(TensorHandle t, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_ones_like(TensorHandle t, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_empty_like(TensorHandle t, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_full_like(TensorHandle t, double value, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);

    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_clone(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_contiguous(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_contiguous_format(TensorHandle t, sbyte format);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_is_contiguous_format(TensorHandle t, sbyte format, out int value);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_copy_(TensorHandle t, TensorHandle source, [MarshalAs(UnmanagedType.U1)] bool nonBlocking);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_zero_(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_fill_(TensorHandle t, double value);
}
