using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int sdt_tensor_requires_grad(TensorHandle t, out int value);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_set_requires_grad(TensorHandle t, [MarshalAs(UnmanagedType.U1)] bool value);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_grad(TensorHandle t, out IntPtr grad);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_clear_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_backward(TensorHandle t, TensorHandle gradient, [MarshalAs(UnmanagedType.U1)] bool retainGraph, [MarshalAs(UnmanagedType.U1)] bool createGraph);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_set_data(TensorHandle t, TensorHandle source);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_detach(TensorHandle t);
}
