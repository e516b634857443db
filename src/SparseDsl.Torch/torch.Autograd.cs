using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    /// <summary>True when operations on this thread record the autograd graph.</summary>
    public static bool is_grad_enabled()
    {
        NativeLib.Check(NativeMethods.sdt_autograd_is_grad_enabled(out var enabled));
        return enabled != 0;
    }

    /// <summary>Stops recording the graph on this thread until the returned guard is disposed (<c>using (torch.no_grad())</c>).</summary>
    public static IDisposable no_grad() => new GradModeGuard(false);

    /// <summary>Records the graph on this thread (even inside <see cref="no_grad"/>) until the returned guard is disposed.</summary>
    public static IDisposable enable_grad(bool enabled = true) => new GradModeGuard(enabled);

    /// <summary>Sets this thread's grad mode until the returned guard is disposed.</summary>
    public static IDisposable set_grad_enabled(bool enabled = true) => new GradModeGuard(enabled);

    /// <summary>Sets the thread-local grad mode and restores the previous one when disposed (once).</summary>
    private sealed class GradModeGuard : IDisposable
    {
        private readonly bool previous;
        private bool disposed;

        public GradModeGuard(bool enabled)
        {
            previous = is_grad_enabled();
            NativeLib.Check(NativeMethods.sdt_autograd_set_grad_enabled(enabled));
        }

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            NativeLib.Check(NativeMethods.sdt_autograd_set_grad_enabled(previous));
        }
    }

    public static partial class autograd
    {
        /// <summary>
        /// Gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, without touching
        /// any <c>.grad</c>. <paramref name="grad_outputs"/> gives the vector of the vector-Jacobian product
        /// (null means ones, for scalar outputs). <paramref name="retain_graph"/> defaults to
        /// <paramref name="create_graph"/>, as in PyTorch; <paramref name="create_graph"/> makes the result
        /// differentiable (second-order methods such as GraSP's Hessian-gradient product). With
        /// <paramref name="allow_unused"/>, an input the outputs do not depend on gets a zero gradient
        /// (PyTorch's <c>materialize_grads=True</c>) rather than null.
        /// </summary>
        public static unsafe Tensor[] grad(IList<Tensor> outputs, IList<Tensor> inputs, IList<Tensor>? grad_outputs = null,
            bool? retain_graph = null, bool create_graph = false, bool allow_unused = false)
        {
            var nGrad = grad_outputs?.Count ?? 0;
            var handles = new IntPtr[outputs.Count + inputs.Count + nGrad + inputs.Count];
            var outs = handles.AsSpan(0, outputs.Count);
            var ins = handles.AsSpan(outputs.Count, inputs.Count);
            var grads = handles.AsSpan(outputs.Count + inputs.Count, nGrad);
            var results = handles.AsSpan(outputs.Count + inputs.Count + nGrad);
            for (var i = 0; i < outs.Length; i++) outs[i] = outputs[i].Handle.DangerousGetHandle();
            for (var i = 0; i < ins.Length; i++) ins[i] = inputs[i].Handle.DangerousGetHandle();
            for (var i = 0; i < grads.Length; i++) grads[i] = grad_outputs![i].Handle.DangerousGetHandle();
            int status;
            fixed (IntPtr* o = outs)
            fixed (IntPtr* x = ins)
            fixed (IntPtr* g = grads)
            fixed (IntPtr* r = results)
                status = NativeMethods.sdt_autograd_grad(o, outs.Length, x, ins.Length, g, grads.Length,
                    retain_graph is { } keep ? (keep ? 1 : 0) : -1, create_graph, allow_unused, r);
            GC.KeepAlive(outputs);
            GC.KeepAlive(inputs);
            GC.KeepAlive(grad_outputs);
            NativeLib.Check(status);
            var gradients = new Tensor[results.Length];
            for (var i = 0; i < gradients.Length; i++) gradients[i] = new Tensor(new TensorHandle(results[i]));
            return gradients;
        }
    }
}
