using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        public bool requires_grad
        {
            get
            {
                NativeLib.Check(NativeMethods.sdt_tensor_requires_grad(Handle, out var v));
                return v != 0;
            }
            set => NativeLib.Check(NativeMethods.sdt_tensor_set_requires_grad(Handle, value));
        }

        public Tensor requires_grad_(bool value = true)
        {
            requires_grad = value;
            return this;
        }

        /// <summary>A new handle to the accumulated gradient, or null when none was computed. Dispose it (or use a scope).</summary>
        public Tensor? grad
        {
            get
            {
                NativeLib.Check(NativeMethods.sdt_tensor_grad(Handle, out var g));
                return g == IntPtr.Zero ? null : new Tensor(new TensorHandle(g));
            }
        }

        /// <summary>Drops the gradient (PyTorch's <c>zero_grad(set_to_none=True)</c>).</summary>
        public void clear_grad() => NativeLib.Check(NativeMethods.sdt_tensor_clear_grad(Handle));

        public void backward(Tensor? gradient = null, bool retain_graph = false, bool create_graph = false) =>
            NativeLib.Check(NativeMethods.sdt_tensor_backward(Handle, gradient?.Handle ?? TensorHandle.Null, retain_graph, create_graph));

        /// <summary>Replaces this tensor's data in place, keeping its identity (parameters stay the same objects).</summary>
        public void set_data(Tensor source) => NativeLib.Check(NativeMethods.sdt_tensor_set_data(Handle, source.Handle));

        /// <summary>A tensor sharing storage but cut from the autograd graph.</summary>
        public Tensor detach() => NativeLib.Wrap(NativeMethods.sdt_tensor_detach(Handle));
    }
}
