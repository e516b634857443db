using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A tensor that is a module's trainable state (requires grad by default). Lives outside dispose scopes.</summary>
        public sealed class Parameter : Tensor
        {
            /// <summary>Takes over <paramref name="data"/>'s native tensor (detached from the graph) as a parameter.</summary>
            public Parameter(Tensor data, bool requires_grad = true) : base(Detached(data))
            {
                DetachFromDisposeScope();
                this.requires_grad = requires_grad;
            }

            private static TensorHandle Detached(Tensor data)
            {
                using var detached = data.detach();
                detached.DetachFromDisposeScope();
                var handle = NativeMethods.sdt_tensor_shallow_clone(detached.Handle);
                if (handle.IsInvalid) throw new TorchException(NativeLib.LastError());
                return handle;
            }
        }
    }
}
