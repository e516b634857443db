using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

/// <summary>
/// P/Invoke declarations of the shim, split by topic into partial files (NativeMethods.*.cs).
/// Conventions (see native/include/shim.h): tensor-making functions return a handle that is
/// invalid on failure; all others return 0 on success. Use <see cref="NativeLib.Check(int)"/> and
/// <see cref="NativeLib.Wrap"/> so that every failure becomes a <see cref="TorchException"/>.
/// </summary>
internal static partial class NativeMethods
{
    internal const string Lib = "sparsedsl_torch";

    [LibraryImport(Lib)] internal static partial IntPtr sdt_last_error();
    [LibraryImport(Lib)] internal static partial void sdt_tensor_free(IntPtr tensor);
    [LibraryImport(Lib)] internal static partial long sdt_live_tensor_handles();

    [LibraryImport(Lib)] internal static partial int sdt_tensor_dim(TensorHandle t, out long dim);
    [LibraryImport(Lib)] internal static unsafe partial int sdt_tensor_shape(TensorHandle t, long* shape, int capacity);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_numel(TensorHandle t, out long numel);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_dtype(TensorHandle t, out sbyte dtype);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_device(TensorHandle t, out int type, out int index);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_from_data(void* data, sbyte dtype, long* shape, int ndim, long nbytes);
    [LibraryImport(Lib)] internal static unsafe partial int sdt_tensor_copy_to(TensorHandle t, void* data, sbyte dtype, long nbytes);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_item_double(TensorHandle t, out double value);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_item_long(TensorHandle t, out long value);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_shallow_clone(TensorHandle t);

    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_zeros(long* shape, int ndim, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_ones(long* shape, int ndim, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_empty(long* shape, int ndim, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_full(long* shape, int ndim, double value, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_to(TensorHandle t, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool nonBlocking, [MarshalAs(UnmanagedType.U1)] bool copy);
}
