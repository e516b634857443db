using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    /// <summary>
    /// A libtorch tensor. Owns its native handle; dispose it, or let a <see cref="DisposeScope"/> do so.
    /// Operations live in partial files by topic (Tensor.*.cs).
    /// </summary>
    public partial class Tensor : IDisposable
    {
        internal Tensor(TensorHandle handle)
        {
            Handle = handle;
            DisposeScope.Current?.Register(this);
        }

        /// <summary>The native handle; valid until the tensor is disposed.</summary>
        public TensorHandle Handle { get; private set; }

        internal DisposeScope? OwningScope { get; set; }

        /// <summary>True once the native tensor has been freed.</summary>
        public bool IsInvalid => Handle.IsClosed || Handle.IsInvalid;

        public long dim()
        {
            NativeLib.Check(NativeMethods.sdt_tensor_dim(Handle, out var d));
            return d;
        }

        public long numel()
        {
            NativeLib.Check(NativeMethods.sdt_tensor_numel(Handle, out var n));
            return n;
        }

        /// <summary>The sizes of each dimension.</summary>
        public unsafe long[] shape
        {
            get
            {
                var result = new long[dim()];
                fixed (long* p = result) NativeLib.Check(NativeMethods.sdt_tensor_shape(Handle, p, result.Length));
                return result;
            }
        }

        public long size(int dimension)
        {
            var s = shape;
            return s[dimension < 0 ? dimension + s.Length : dimension];
        }

        public ScalarType dtype
        {
            get
            {
                NativeLib.Check(NativeMethods.sdt_tensor_dtype(Handle, out var t));
                return (ScalarType)t;
            }
        }

        public Device device
        {
            get
            {
                NativeLib.Check(NativeMethods.sdt_tensor_device(Handle, out var type, out var index));
                return new Device((DeviceType)type, index);
            }
        }

        public DeviceType device_type => device.type;

        /// <summary>Moves this tensor to the enclosing dispose scope so it survives the current one.</summary>
        public Tensor MoveToOuterDisposeScope()
        {
            OwningScope?.MoveToOuter(this);
            return this;
        }

        /// <summary>Removes this tensor from any dispose scope: the caller now disposes it.</summary>
        public Tensor DetachFromDisposeScope()
        {
            OwningScope?.Forget(this);
            return this;
        }

        /// <summary>Replaces this object's native tensor with <paramref name="other"/>'s (which is consumed).</summary>
        internal void TakeHandleOf(Tensor other)
        {
            other.DetachFromDisposeScope();
            var old = Handle;
            Handle = other.Handle;
            other.Handle = new TensorHandle();
            old.Dispose();
        }

        public void Dispose()
        {
            Handle.Dispose();
            GC.SuppressFinalize(this);
        }

        public override string ToString() =>
            IsInvalid ? "Tensor(disposed)" : $"Tensor([{string.Join(", ", shape)}], {dtype}, {device})";
    }
}
