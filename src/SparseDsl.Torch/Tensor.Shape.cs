using System.Runtime.InteropServices;
using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

// Shape and indexing operations. Views (view, permute, transpose, narrow, select, slice, expand…) share
// storage with their source, as in PyTorch. Shapes are spans: `t.view(2, -1)` allocates nothing managed.
public static partial class torch
{
    public static Tensor reshape(Tensor input, params ReadOnlySpan<long> shape) => input.reshape(shape);
    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => input.flatten(start_dim, end_dim);
    public static Tensor permute(Tensor input, params ReadOnlySpan<long> dims) => input.permute(dims);
    public static Tensor transpose(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);
    public static Tensor t(Tensor input) => input.t();
    public static Tensor unsqueeze(Tensor input, long dim) => input.unsqueeze(dim);
    public static Tensor squeeze(Tensor input) => input.squeeze();
    public static Tensor squeeze(Tensor input, long dim) => input.squeeze(dim);
    public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);
    public static Tensor narrow(Tensor input, long dim, long start, long length) => input.narrow(dim, start, length);
    public static Tensor select(Tensor input, long dim, long index) => input.select(dim, index);
    public static Tensor[] split(Tensor input, long split_size, long dim = 0) => input.split(split_size, dim);
    public static Tensor[] split(Tensor input, ReadOnlySpan<long> split_sizes, long dim = 0) => input.split(split_sizes, dim);
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);

    /// <summary>Joins tensors along an existing dimension.</summary>
    public static unsafe Tensor cat(ReadOnlySpan<Tensor> tensors, long dim = 0) => Join(tensors, dim, &NativeMethods.sdt_cat);

    public static Tensor cat(IList<Tensor> tensors, long dim = 0) => cat(SpanOf(tensors), dim);

    /// <summary>Joins same-shaped tensors along a new dimension.</summary>
    public static unsafe Tensor stack(ReadOnlySpan<Tensor> tensors, long dim = 0) => Join(tensors, dim, &NativeMethods.sdt_stack);

    public static Tensor stack(IList<Tensor> tensors, long dim = 0) => stack(SpanOf(tensors), dim);

    private static ReadOnlySpan<Tensor> SpanOf(IList<Tensor> tensors) => tensors switch
    {
        Tensor[] array => array,
        List<Tensor> list => CollectionsMarshal.AsSpan(list),
        _ => tensors.ToArray(),
    };

    private static unsafe Tensor Join(ReadOnlySpan<Tensor> tensors, long dim, delegate*<IntPtr*, int, long, TensorHandle> join)
    {
        // Raw native pointers: the tensors are kept alive (not finalized) until the call returns.
        const int StackLimit = 64;
        var handles = tensors.Length <= StackLimit ? stackalloc IntPtr[tensors.Length] : new IntPtr[tensors.Length];
        for (var i = 0; i < tensors.Length; i++)
        {
            if (tensors[i].IsInvalid) throw new ObjectDisposedException(nameof(Tensor), $"Tensor {i} of the list has been disposed.");
            handles[i] = tensors[i].Handle.DangerousGetHandle();
        }
        Tensor result;
        fixed (IntPtr* p = handles) result = NativeLib.Wrap(join(p, tensors.Length, dim));
        foreach (var t in tensors) GC.KeepAlive(t);
        return result;
    }

    public partial class Tensor
    {
        /// <summary>A view with a new shape (one size may be -1); fails when the layout does not allow a view.</summary>
        public unsafe Tensor view(params ReadOnlySpan<long> shape)
        {
            fixed (long* p = shape) return NativeLib.Wrap(NativeMethods.sdt_tensor_view(Handle, p, shape.Length));
        }

        /// <summary>A tensor with a new shape: a view when possible, a copy otherwise.</summary>
        public unsafe Tensor reshape(params ReadOnlySpan<long> shape)
        {
            fixed (long* p = shape) return NativeLib.Wrap(NativeMethods.sdt_tensor_reshape(Handle, p, shape.Length));
        }

        /// <summary>Merges dimensions <paramref name="start_dim"/>..<paramref name="end_dim"/> into one.</summary>
        public Tensor flatten(long start_dim = 0, long end_dim = -1) => NativeLib.Wrap(NativeMethods.sdt_tensor_flatten(Handle, start_dim, end_dim));

        public unsafe Tensor permute(params ReadOnlySpan<long> dims)
        {
            fixed (long* p = dims) return NativeLib.Wrap(NativeMethods.sdt_tensor_permute(Handle, p, dims.Length));
        }

        public Tensor transpose(long dim0, long dim1) => NativeLib.Wrap(NativeMethods.sdt_tensor_transpose(Handle, dim0, dim1));

        /// <summary>Transpose of a tensor of at most two dimensions.</summary>
        public Tensor t() => NativeLib.Wrap(NativeMethods.sdt_tensor_t(Handle));

        public Tensor unsqueeze(long dim) => NativeLib.Wrap(NativeMethods.sdt_tensor_unsqueeze(Handle, dim));

        /// <summary>Drops every dimension of size 1.</summary>
        public Tensor squeeze() => NativeLib.Wrap(NativeMethods.sdt_tensor_squeeze(Handle));

        /// <summary>Drops dimension <paramref name="dim"/> if its size is 1.</summary>
        public Tensor squeeze(long dim) => NativeLib.Wrap(NativeMethods.sdt_tensor_squeeze_dim(Handle, dim));

        /// <summary>A broadcast view with the given sizes (-1 keeps a size); no data is copied.</summary>
        public unsafe Tensor expand(params ReadOnlySpan<long> sizes)
        {
            fixed (long* p = sizes) return NativeLib.Wrap(NativeMethods.sdt_tensor_expand(Handle, p, sizes.Length));
        }

        /// <summary>Tiles the tensor <paramref name="repeats"/> times along each dimension (copies data).</summary>
        public unsafe Tensor repeat(params ReadOnlySpan<long> repeats)
        {
            fixed (long* p = repeats) return NativeLib.Wrap(NativeMethods.sdt_tensor_repeat(Handle, p, repeats.Length));
        }

        /// <summary>The entries at positions <paramref name="index"/> (int64) along <paramref name="dim"/>.</summary>
        public Tensor index_select(long dim, Tensor index) => NativeLib.Wrap(NativeMethods.sdt_tensor_index_select(Handle, dim, index.Handle));

        /// <summary>out[i][j] = this[index[i][j]][j] for dim 0 (and likewise for other dims).</summary>
        public Tensor gather(long dim, Tensor index) => NativeLib.Wrap(NativeMethods.sdt_tensor_gather(Handle, dim, index.Handle));

        /// <summary>A view of <paramref name="length"/> entries from <paramref name="start"/> along <paramref name="dim"/>.</summary>
        public Tensor narrow(long dim, long start, long length) => NativeLib.Wrap(NativeMethods.sdt_tensor_narrow(Handle, dim, start, length));

        /// <summary>The view at <paramref name="index"/> along <paramref name="dim"/>, which is removed.</summary>
        public Tensor select(long dim, long index) => NativeLib.Wrap(NativeMethods.sdt_tensor_select(Handle, dim, index));

        /// <summary>The view <c>this[..., start:end:step, ...]</c> on <paramref name="dim"/> (PyTorch slicing without an indexer).</summary>
        public Tensor slice(long dim, long start, long end, long step = 1) =>
            NativeLib.Wrap(NativeMethods.sdt_tensor_slice(Handle, dim, start, end, step));

        /// <summary>Views of <paramref name="split_size"/> entries along <paramref name="dim"/> (the last may be shorter).</summary>
        public unsafe Tensor[] split(long split_size, long dim = 0)
        {
            NativeLib.Check(NativeMethods.sdt_tensor_split(Handle, split_size, dim, out var list, out var count));
            return TakeList(list, count);
        }

        /// <summary>Views of the given sizes along <paramref name="dim"/>.</summary>
        public unsafe Tensor[] split(ReadOnlySpan<long> split_sizes, long dim = 0)
        {
            IntPtr* list;
            int count;
            fixed (long* p = split_sizes)
                NativeLib.Check(NativeMethods.sdt_tensor_split_with_sizes(Handle, p, split_sizes.Length, dim, out list, out count));
            return TakeList(list, count);
        }

        /// <summary>At most <paramref name="chunks"/> views of (nearly) equal size along <paramref name="dim"/>.</summary>
        public unsafe Tensor[] chunk(long chunks, long dim = 0)
        {
            NativeLib.Check(NativeMethods.sdt_tensor_chunk(Handle, chunks, dim, out var list, out var count));
            return TakeList(list, count);
        }

        /// <summary>Wraps every handle of a native list (taking ownership) and frees the list itself.</summary>
        private static unsafe Tensor[] TakeList(IntPtr* list, int count)
        {
            try
            {
                var result = new Tensor[count];
                for (var i = 0; i < count; i++) result[i] = new Tensor(new TensorHandle(list[i]));
                return result;
            }
            finally
            {
                NativeMethods.sdt_tensor_list_free(list);
            }
        }
    }
}
