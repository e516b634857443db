using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

// Reductions. Dimension lists are spans, so `t.sum([0, 2])` passes them without a heap allocation.
// A null `type` keeps libtorch's default result dtype (e.g. int64 for sums of integer tensors).
// sum/mean/prod also have `int dim` overloads: without them C# binds `t.sum(0)` to `sum(ScalarType? type)`
// (the literal 0 converts to any enum), silently summing everything as uint8.
public static partial class torch
{
    public static Tensor sum(Tensor input, ScalarType? type = null) => input.sum(type);
    public static Tensor sum(Tensor input, ReadOnlySpan<long> dim, bool keepdim = false, ScalarType? type = null) => input.sum(dim, keepdim, type);
    public static Tensor sum(Tensor input, long dim, bool keepdim = false, ScalarType? type = null) => input.sum(dim, keepdim, type);
    public static Tensor sum(Tensor input, int dim, bool keepdim = false, ScalarType? type = null) => input.sum(dim, keepdim, type);
    public static Tensor mean(Tensor input, ScalarType? type = null) => input.mean(type);
    public static Tensor mean(Tensor input, ReadOnlySpan<long> dim, bool keepdim = false, ScalarType? type = null) => input.mean(dim, keepdim, type);
    public static Tensor mean(Tensor input, long dim, bool keepdim = false, ScalarType? type = null) => input.mean(dim, keepdim, type);
    public static Tensor mean(Tensor input, int dim, bool keepdim = false, ScalarType? type = null) => input.mean(dim, keepdim, type);
    public static Tensor prod(Tensor input, ScalarType? type = null) => input.prod(type);
    public static Tensor prod(Tensor input, long dim, bool keepdim = false, ScalarType? type = null) => input.prod(dim, keepdim, type);
    public static Tensor prod(Tensor input, int dim, bool keepdim = false, ScalarType? type = null) => input.prod(dim, keepdim, type);
    public static Tensor cumsum(Tensor input, long dim, ScalarType? type = null) => input.cumsum(dim, type);

    public static Tensor max(Tensor input) => input.max();
    public static (Tensor values, Tensor indices) max(Tensor input, long dim, bool keepdim = false) => input.max(dim, keepdim);
    public static Tensor min(Tensor input) => input.min();
    public static (Tensor values, Tensor indices) min(Tensor input, long dim, bool keepdim = false) => input.min(dim, keepdim);
    public static Tensor argmax(Tensor input) => input.argmax();
    public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => input.argmax(dim, keepdim);
    public static Tensor argmin(Tensor input) => input.argmin();
    public static Tensor argmin(Tensor input, long dim, bool keepdim = false) => input.argmin(dim, keepdim);
    public static (Tensor values, Tensor indices) topk(Tensor input, long k, long dim = -1, bool largest = true, bool sorted = true) =>
        input.topk(k, dim, largest, sorted);
    public static (Tensor values, Tensor indices) sort(Tensor input, long dim = -1, bool descending = false, bool stable = false) =>
        input.sort(dim, descending, stable);

    public static long count_nonzero(Tensor input) => input.count_nonzero();
    public static Tensor count_nonzero(Tensor input, ReadOnlySpan<long> dims) => input.count_nonzero(dims);
    public static Tensor std(Tensor input, bool unbiased = true) => input.std(unbiased);
    public static Tensor std(Tensor input, ReadOnlySpan<long> dim, bool unbiased = true, bool keepdim = false) => input.std(dim, unbiased, keepdim);
    public static Tensor var(Tensor input, bool unbiased = true) => input.var(unbiased);
    public static Tensor var(Tensor input, ReadOnlySpan<long> dim, bool unbiased = true, bool keepdim = false) => input.var(dim, unbiased, keepdim);
    public static Tensor norm(Tensor input, double p = 2) => input.norm(p);
    public static Tensor norm(Tensor input, ReadOnlySpan<long> dim, bool keepdim = false, double p = 2) => input.norm(dim, keepdim, p);

    public partial class Tensor
    {
        /// <summary>Sum of all elements.</summary>
        public Tensor sum(ScalarType? type = null) => NativeLib.Wrap(NativeMethods.sdt_tensor_sum(Handle, LikeDtype(type)));

        public unsafe Tensor sum(ReadOnlySpan<long> dim, bool keepdim = false, ScalarType? type = null)
        {
            fixed (long* p = dim) return NativeLib.Wrap(NativeMethods.sdt_tensor_sum_dims(Handle, p, dim.Length, keepdim, LikeDtype(type)));
        }

        public unsafe Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) =>
            NativeLib.Wrap(NativeMethods.sdt_tensor_sum_dims(Handle, &dim, 1, keepdim, LikeDtype(type)));

        public Tensor sum(int dim, bool keepdim = false, ScalarType? type = null) => sum((long)dim, keepdim, type);

        /// <summary>Mean of all elements (floating-point tensors, or give a floating <paramref name="type"/>).</summary>
        public Tensor mean(ScalarType? type = null) => NativeLib.Wrap(NativeMethods.sdt_tensor_mean(Handle, LikeDtype(type)));

        public unsafe Tensor mean(ReadOnlySpan<long> dim, bool keepdim = false, ScalarType? type = null)
        {
            fixed (long* p = dim) return NativeLib.Wrap(NativeMethods.sdt_tensor_mean_dims(Handle, p, dim.Length, keepdim, LikeDtype(type)));
        }

        public unsafe Tensor mean(long dim, bool keepdim = false, ScalarType? type = null) =>
            NativeLib.Wrap(NativeMethods.sdt_tensor_mean_dims(Handle, &dim, 1, keepdim, LikeDtype(type)));

        public Tensor mean(int dim, bool keepdim = false, ScalarType? type = null) => mean((long)dim, keepdim, type);

        public Tensor prod(ScalarType? type = null) => NativeLib.Wrap(NativeMethods.sdt_tensor_prod(Handle, LikeDtype(type)));
        public Tensor prod(long dim, bool keepdim = false, ScalarType? type = null) =>
            NativeLib.Wrap(NativeMethods.sdt_tensor_prod_dim(Handle, dim, keepdim, LikeDtype(type)));
        public Tensor prod(int dim, bool keepdim = false, ScalarType? type = null) => prod((long)dim, keepdim, type);

        /// <summary>Running sum along <paramref name="dim"/>.</summary>
        public Tensor cumsum(long dim, ScalarType? type = null) => NativeLib.Wrap(NativeMethods.sdt_tensor_cumsum(Handle, dim, LikeDtype(type)));

        /// <summary>Largest element.</summary>
        public Tensor max() => NativeLib.Wrap(NativeMethods.sdt_tensor_max(Handle));

        /// <summary>Largest elements along <paramref name="dim"/> and where they are.</summary>
        public (Tensor values, Tensor indices) max(long dim, bool keepdim = false) =>
            Pair(NativeMethods.sdt_tensor_max_dim(Handle, dim, keepdim, out var values, out var indices), values, indices);

        public Tensor min() => NativeLib.Wrap(NativeMethods.sdt_tensor_min(Handle));

        public (Tensor values, Tensor indices) min(long dim, bool keepdim = false) =>
            Pair(NativeMethods.sdt_tensor_min_dim(Handle, dim, keepdim, out var values, out var indices), values, indices);

        /// <summary>Index of the largest element in the flattened tensor.</summary>
        public Tensor argmax() => NativeLib.Wrap(NativeMethods.sdt_tensor_argmax(Handle));
        public Tensor argmax(long dim, bool keepdim = false) => NativeLib.Wrap(NativeMethods.sdt_tensor_argmax_dim(Handle, dim, keepdim));
        public Tensor argmin() => NativeLib.Wrap(NativeMethods.sdt_tensor_argmin(Handle));
        public Tensor argmin(long dim, bool keepdim = false) => NativeLib.Wrap(NativeMethods.sdt_tensor_argmin_dim(Handle, dim, keepdim));

        /// <summary>The <paramref name="k"/> largest (or smallest) elements along <paramref name="dim"/> and their indices.</summary>
        public (Tensor values, Tensor indices) topk(long k, long dim = -1, bool largest = true, bool sorted = true) =>
            Pair(NativeMethods.sdt_tensor_topk(Handle, k, dim, largest, sorted, out var values, out var indices), values, indices);

        /// <summary>Elements sorted along <paramref name="dim"/> and the permutation that sorts them.</summary>
        public (Tensor values, Tensor indices) sort(long dim = -1, bool descending = false, bool stable = false) =>
            Pair(NativeMethods.sdt_tensor_sort(Handle, dim, descending, stable, out var values, out var indices), values, indices);

        /// <summary>Number of non-zero elements.</summary>
        public long count_nonzero()
        {
            NativeLib.Check(NativeMethods.sdt_tensor_count_nonzero(Handle, out var count));
            return count;
        }

        /// <summary>Number of non-zero elements along <paramref name="dims"/>.</summary>
        public unsafe Tensor count_nonzero(ReadOnlySpan<long> dims)
        {
            fixed (long* p = dims) return NativeLib.Wrap(NativeMethods.sdt_tensor_count_nonzero_dims(Handle, p, dims.Length));
        }

        /// <summary>Standard deviation of all elements (Bessel-corrected when <paramref name="unbiased"/>).</summary>
        public Tensor std(bool unbiased = true) => NativeLib.Wrap(NativeMethods.sdt_tensor_std(Handle, unbiased));

        public unsafe Tensor std(ReadOnlySpan<long> dim, bool unbiased = true, bool keepdim = false)
        {
            fixed (long* p = dim) return NativeLib.Wrap(NativeMethods.sdt_tensor_std_dims(Handle, p, dim.Length, unbiased, keepdim));
        }

        public Tensor var(bool unbiased = true) => NativeLib.Wrap(NativeMethods.sdt_tensor_var(Handle, unbiased));

        public unsafe Tensor var(ReadOnlySpan<long> dim, bool unbiased = true, bool keepdim = false)
        {
            fixed (long* p = dim) return NativeLib.Wrap(NativeMethods.sdt_tensor_var_dims(Handle, p, dim.Length, unbiased, keepdim));
        }

        /// <summary>p-norm of all elements. (Dimensions go in a span so that <c>norm(1)</c> means p = 1, as in PyTorch.)</summary>
        public Tensor norm(double p = 2) => NativeLib.Wrap(NativeMethods.sdt_tensor_norm(Handle, p));

        public unsafe Tensor norm(ReadOnlySpan<long> dim, bool keepdim = false, double p = 2)
        {
            fixed (long* d = dim) return NativeLib.Wrap(NativeMethods.sdt_tensor_norm_dims(Handle, d, dim.Length, keepdim, p));
        }

        private static (Tensor values, Tensor indices) Pair(int status, TensorHandle values, TensorHandle indices)
        {
            NativeLib.Check(status);
            return (new Tensor(values), new Tensor(indices));
        }
    }
}
