using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

internal static partial class NativeMethods
{
    // dtype -1: no override. Pairs come back as two new handles.
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_sum(TensorHandle t, sbyte dtype);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_sum_dims(TensorHandle t, long* dims, int n, [MarshalAs(UnmanagedType.U1)] bool keepdim, sbyte dtype);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_mean(TensorHandle t, sbyte dtype);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_mean_dims(TensorHandle t, long* dims, int n, [MarshalAs(UnmanagedType.U1)] bool keepdim, sbyte dtype);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_prod(TensorHandle t, sbyte dtype);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_prod_dim(TensorHandle t, long dim, [MarshalAs(UnmanagedType.U1)] bool keepdim, sbyte dtype);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_cumsum(TensorHandle t, long dim, sbyte dtype);

    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_max(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_min(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_max_dim(TensorHandle t, long dim, [MarshalAs(UnmanagedType.U1)] bool keepdim, out TensorHandle values, out TensorHandle indices);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_min_dim(TensorHandle t, long dim, [MarshalAs(UnmanagedType.U1)] bool keepdim, out TensorHandle values, out TensorHandle indices);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_argmax(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_argmin(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_argmax_dim(TensorHandle t, long dim, [MarshalAs(UnmanagedType.U1)] bool keepdim);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_argmin_dim(TensorHandle t, long dim, [MarshalAs(UnmanagedType.U1)] bool keepdim);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_topk(TensorHandle t, long k, long dim, [MarshalAs(UnmanagedType.U1)] bool largest, [MarshalAs(UnmanagedType.U1)] bool sorted, out TensorHandle values, out TensorHandle indices);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_sort(TensorHandle t, long dim, [MarshalAs(UnmanagedType.U1)] bool descending, [MarshalAs(UnmanagedType.U1)] bool stable, out TensorHandle values, out TensorHandle indices);

    [LibraryImport(Lib)] internal static partial int sdt_tensor_count_nonzero(TensorHandle t, out long count);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_count_nonzero_dims(TensorHandle t, long* dims, int n);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_std(TensorHandle t, [MarshalAs(UnmanagedType.U1)] bool unbiased);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_std_dims(TensorHandle t, long* dims, int n, [MarshalAs(UnmanagedType.U1)] bool unbiased, [MarshalAs(UnmanagedType.U1)] bool keepdim);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_var(TensorHandle t, [MarshalAs(UnmanagedType.U1)] bool unbiased);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_var_dims(TensorHandle t, long* dims, int n, [MarshalAs(UnmanagedType.U1)] bool unbiased, [MarshalAs(UnmanagedType.U1)] bool keepdim);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_norm(TensorHandle t, double p);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_norm_dims(TensorHandle t, long* dims, int n, [MarshalAs(UnmanagedType.U1)] bool keepdim, double p);
}
