using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Batch normalisation over dimension 1. In training mode batch statistics are used and, when given,
            /// <paramref name="running_mean"/>/<paramref name="running_var"/> are updated in place with <paramref name="momentum"/>;
            /// otherwise the running statistics are used.
            /// </summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null,
                Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5) =>
                NativeLib.Wrap(NativeMethods.sdt_nn_batch_norm(input.Handle, running_mean?.Handle ?? TensorHandle.Null,
                    running_var?.Handle ?? TensorHandle.Null, weight?.Handle ?? TensorHandle.Null,
                    bias?.Handle ?? TensorHandle.Null, training, momentum, eps));
        }
    }
}
