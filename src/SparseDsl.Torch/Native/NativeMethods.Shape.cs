using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_view(TensorHandle t, long* dims, int n);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_reshape(TensorHandle t, long* dims, int n);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_permute(TensorHandle t, long* dims, int n);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_expand(TensorHandle t, long* dims, int n);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_tensor_repeat(TensorHandle t, long* dims, int n);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_flatten(TensorHandle t, long startDim, long endDim);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_transpose(TensorHandle t, long dim0, long dim1);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_t(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_unsqueeze(TensorHandle t, long dim);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_squeeze(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_squeeze_dim(TensorHandle t, long dim);

    // Tensor lists: raw at::Tensor* values; the caller keeps the tensors alive during the call.
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_cat(IntPtr* tensors, int n, long dim);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_stack(IntPtr* tensors, int n, long dim);

    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_index_select(TensorHandle t, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_gather(TensorHandle t, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_narrow(TensorHandle t, long dim, long start, long length);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_select(TensorHandle t, long dim, long index);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_slice(TensorHandle t, long dim, long start, long end, long step);

    // Splits return a native array of new handles (owned by the caller) that sdt_tensor_list_free releases.
    [LibraryImport(Lib)] internal static unsafe partial void sdt_tensor_list_free(IntPtr* list);
    [LibraryImport(Lib)] internal static unsafe partial int sdt_tensor_split(TensorHandle t, long splitSize, long dim, out IntPtr* list, out int count);
    [LibraryImport(Lib)] internal static unsafe partial int sdt_tensor_split_with_sizes(TensorHandle t, long* sizes, int n, long dim, out IntPtr* list, out int count);
    [LibraryImport(Lib)] internal static unsafe partial int sdt_tensor_chunk(TensorHandle t, long chunks, long dim, out IntPtr* list, out int count);
}
