using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

internal static partial class NativeMethods
{
    // Arithmetic: t + alpha * other; rsub/rdiv compute other - t and other / t.
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_add(TensorHandle t, TensorHandle other, double alpha);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_add_scalar(TensorHandle t, double other, double alpha);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_sub(TensorHandle t, TensorHandle other, double alpha);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_sub_scalar(TensorHandle t, double other, double alpha);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_rsub_scalar(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_rdiv_scalar(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_mul(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_mul_scalar(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_div(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_div_scalar(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_pow(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_pow_scalar(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_maximum(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_minimum(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_neg(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_abs(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_exp(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_log(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_sqrt(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_rsqrt(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_square(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_reciprocal(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_sign(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_sigmoid(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_tanh(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_clamp(TensorHandle t, [MarshalAs(UnmanagedType.U1)] bool hasMin, double min, [MarshalAs(UnmanagedType.U1)] bool hasMax, double max);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_clamp_(TensorHandle t, [MarshalAs(UnmanagedType.U1)] bool hasMin, double min, [MarshalAs(UnmanagedType.U1)] bool hasMax, double max);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_where(TensorHandle condition, TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_masked_fill(TensorHandle t, TensorHandle mask, double value);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_masked_fill_(TensorHandle t, TensorHandle mask, double value);

    // In place: the status says whether the tensor behind the handle was updated.
    [LibraryImport(Lib)] internal static partial int sdt_tensor_add_(TensorHandle t, TensorHandle other, double alpha);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_add_scalar_(TensorHandle t, double other, double alpha);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_sub_(TensorHandle t, TensorHandle other, double alpha);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_sub_scalar_(TensorHandle t, double other, double alpha);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_mul_(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_mul_scalar_(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_div_(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_div_scalar_(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_addcmul_(TensorHandle t, TensorHandle t1, TensorHandle t2, double value);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_addcdiv_(TensorHandle t, TensorHandle t1, TensorHandle t2, double value);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_neg_(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_sqrt_(TensorHandle t);

    // Comparisons and logic.
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_eq(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_eq_scalar(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_ne(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_ne_scalar(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_lt(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_lt_scalar(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_le(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_le_scalar(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_gt(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_gt_scalar(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_ge(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_ge_scalar(TensorHandle t, double other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_logical_and(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_logical_or(TensorHandle t, TensorHandle other);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_logical_not(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_isnan(TensorHandle t);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_isfinite(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_equal(TensorHandle t, TensorHandle other, out int result);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_allclose(TensorHandle t, TensorHandle other, double rtol, double atol, [MarshalAs(UnmanagedType.U1)] bool equalNan, out int result);
}
