using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    /// <summary>Default dtype of floating-point creation functions.</summary>
    public static ScalarType default_dtype { get; set; } = ScalarType.Float32;

    private static unsafe Tensor Create(long[] size, ScalarType? dtype, Device? device, bool requires_grad,
        delegate*<long*, int, sbyte, int, int, bool, TensorHandle> make)
    {
        var d = device ?? CPU;
        fixed (long* p = size)
            return NativeLib.Wrap(make(p, size.Length, (sbyte)(dtype ?? default_dtype), (int)d.type, d.index, requires_grad));
    }

    public static unsafe Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(size, dtype, device, requires_grad, &NativeMethods.sdt_zeros);

    public static unsafe Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(size, dtype, device, requires_grad, &NativeMethods.sdt_ones);

    public static unsafe Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(size, dtype, device, requires_grad, &NativeMethods.sdt_empty);

    public static unsafe Tensor full(long[] size, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? CPU;
        fixed (long* p = size)
            return NativeLib.Wrap(NativeMethods.sdt_full(p, size.Length, value, (sbyte)(dtype ?? default_dtype), (int)d.type, d.index, requires_grad));
    }

    public static Tensor zeros(params long[] size) => zeros(size, null);
    public static Tensor ones(params long[] size) => ones(size, null);
    public static Tensor empty(params long[] size) => empty(size, null);

    /// <summary>Values from <paramref name="start"/> up to (excluding) <paramref name="end"/>; int64 unless <paramref name="dtype"/> says otherwise.</summary>
    public static Tensor arange(long start, long end, long step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Arange(start, end, step, dtype ?? ScalarType.Int64, device, requires_grad);

    public static Tensor arange(long end, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Arange(0, end, 1, dtype ?? ScalarType.Int64, device, requires_grad);

    /// <summary>Floating-point range (of <see cref="default_dtype"/> unless <paramref name="dtype"/> says otherwise).</summary>
    public static Tensor arange(double start, double end, double step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Arange(start, end, step, dtype ?? default_dtype, device, requires_grad);

    public static Tensor arange(double end, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Arange(0, end, 1, dtype ?? default_dtype, device, requires_grad);

    private static Tensor Arange(double start, double end, double step, ScalarType dtype, Device? device, bool requires_grad)
    {
        var d = device ?? CPU;
        return NativeLib.Wrap(NativeMethods.sdt_arange(start, end, step, (sbyte)dtype, (int)d.type, d.index, requires_grad));
    }

    // *_like: the input's shape, and its dtype and device unless given.
    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        input.zeros_like(dtype, device, requires_grad);
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        input.ones_like(dtype, device, requires_grad);
    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        input.empty_like(dtype, device, requires_grad);
    public static Tensor full_like(Tensor input, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        input.full_like(value, dtype, device, requires_grad);

    public static Tensor clone(Tensor input) => input.clone();

    /// <summary>Copies managed data into a new CPU tensor of the given shape (default: 1-D).</summary>
    public static Tensor tensor(float[] data, long[]? shape = null) => FromSpan<float>(data, shape, ScalarType.Float32);
    public static Tensor tensor(double[] data, long[]? shape = null) => FromSpan<double>(data, shape, ScalarType.Float64);
    public static Tensor tensor(long[] data, long[]? shape = null) => FromSpan<long>(data, shape, ScalarType.Int64);
    public static Tensor tensor(int[] data, long[]? shape = null) => FromSpan<int>(data, shape, ScalarType.Int32);
    public static Tensor tensor(byte[] data, long[]? shape = null) => FromSpan<byte>(data, shape, ScalarType.Byte);
    public static Tensor tensor(bool[] data, long[]? shape = null) => FromSpan<bool>(data, shape, ScalarType.Bool);

    /// <summary>Copies a span of unmanaged values into a new CPU tensor of <paramref name="dtype"/>.</summary>
    public static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, long[]? shape, ScalarType dtype) where T : unmanaged
    {
        shape ??= [data.Length];
        fixed (T* d = data)
        fixed (long* s = shape)
            return NativeLib.Wrap(NativeMethods.sdt_tensor_from_data(d, (sbyte)dtype, s, shape.Length, (long)data.Length * sizeof(T)));
    }

    public partial class Tensor
    {
        /// <summary>Copies the elements (converted to <typeparamref name="T"/>, moved to the CPU) into a new array.</summary>
        public T[] data<T>() where T : unmanaged
        {
            var result = new T[numel()];
            CopyTo<T>(result);
            return result;
        }

        /// <summary>Copies the elements, converted to <typeparamref name="T"/>, into <paramref name="destination"/> (exactly numel long).</summary>
        public unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
        {
            var dtype = DtypeOf<T>();
            fixed (T* p = destination)
                NativeLib.Check(NativeMethods.sdt_tensor_copy_to(Handle, p, (sbyte)dtype, (long)destination.Length * sizeof(T)));
        }

        /// <summary>The value of a one-element tensor.</summary>
        public T item<T>() where T : unmanaged
        {
            if (typeof(T) == typeof(long) || typeof(T) == typeof(int) || typeof(T) == typeof(bool) || typeof(T) == typeof(byte))
            {
                NativeLib.Check(NativeMethods.sdt_tensor_item_long(Handle, out var l));
                if (typeof(T) == typeof(long)) return (T)(object)l;
                if (typeof(T) == typeof(int)) return (T)(object)checked((int)l);
                if (typeof(T) == typeof(byte)) return (T)(object)checked((byte)l);
                return (T)(object)(l != 0);
            }
            NativeLib.Check(NativeMethods.sdt_tensor_item_double(Handle, out var d));
            if (typeof(T) == typeof(double)) return (T)(object)d;
            if (typeof(T) == typeof(float)) return (T)(object)(float)d;
            throw new NotSupportedException($"item<{typeof(T).Name}> is not supported; use float, double, long, int, byte or bool.");
        }

        public Tensor zeros_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
            NativeLib.Wrap(NativeMethods.sdt_zeros_like(Handle, LikeDtype(dtype), LikeDeviceType(device), LikeDeviceIndex(device), requires_grad));
        public Tensor ones_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
            NativeLib.Wrap(NativeMethods.sdt_ones_like(Handle, LikeDtype(dtype), LikeDeviceType(device), LikeDeviceIndex(device), requires_grad));
        public Tensor empty_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
            NativeLib.Wrap(NativeMethods.sdt_empty_like(Handle, LikeDtype(dtype), LikeDeviceType(device), LikeDeviceIndex(device), requires_grad));
        public Tensor full_like(double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
            NativeLib.Wrap(NativeMethods.sdt_full_like(Handle, value, LikeDtype(dtype), LikeDeviceType(device), LikeDeviceIndex(device), requires_grad));

        /// <summary>A copy with its own storage (recorded by autograd).</summary>
        public Tensor clone() => NativeLib.Wrap(NativeMethods.sdt_tensor_clone(Handle));

        /// <summary>This tensor laid out contiguously (the same storage when it already is).</summary>
        public Tensor contiguous() => NativeLib.Wrap(NativeMethods.sdt_tensor_contiguous(Handle));

        /// <summary>This tensor laid out in <paramref name="format"/> (the same storage when it already is); channels_last needs 4 dimensions.</summary>
        public Tensor contiguous(MemoryFormat format) => NativeLib.Wrap(NativeMethods.sdt_tensor_contiguous_format(Handle, (sbyte)format));

        /// <summary>Whether this tensor's strides are those of <paramref name="format"/>.</summary>
        public bool is_contiguous(MemoryFormat format = MemoryFormat.Contiguous)
        {
            NativeLib.Check(NativeMethods.sdt_tensor_is_contiguous_format(Handle, (sbyte)format, out var value));
            return value != 0;
        }

        /// <summary>Copies <paramref name="src"/> (broadcast, converted) into this tensor in place.</summary>
        public Tensor copy_(Tensor src, bool non_blocking = false)
        {
            NativeLib.Check(NativeMethods.sdt_tensor_copy_(Handle, src.Handle, non_blocking));
            return this;
        }

        public Tensor zero_()
        {
            NativeLib.Check(NativeMethods.sdt_tensor_zero_(Handle));
            return this;
        }

        public Tensor fill_(double value)
        {
            NativeLib.Check(NativeMethods.sdt_tensor_fill_(Handle, value));
            return this;
        }

        /// <summary>A new handle to the same storage (an alias, like assigning a Python variable).</summary>
        public Tensor alias() => NativeLib.Wrap(NativeMethods.sdt_tensor_shallow_clone(Handle));
    }

    // Encodings of "keep the source's dtype/device" for the native *_like and conversion functions.
    internal static sbyte LikeDtype(ScalarType? dtype) => dtype is { } t ? (sbyte)t : (sbyte)-1;
    internal static int LikeDeviceType(Device? device) => device is null ? -1 : (int)device.type;
    internal static int LikeDeviceIndex(Device? device) => device?.index ?? -1;

    internal static ScalarType DtypeOf<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? ScalarType.Float32 :
        typeof(T) == typeof(double) ? ScalarType.Float64 :
        typeof(T) == typeof(long) ? ScalarType.Int64 :
        typeof(T) == typeof(int) ? ScalarType.Int32 :
        typeof(T) == typeof(short) ? ScalarType.Int16 :
        typeof(T) == typeof(byte) ? ScalarType.Byte :
        typeof(T) == typeof(sbyte) ? ScalarType.Int8 :
        typeof(T) == typeof(bool) ? ScalarType.Bool :
        throw new NotSupportedException($"No tensor dtype for {typeof(T).Name}.");
}
