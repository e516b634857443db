using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary><c>input @ weight.T + bias</c>; weight is [out_features, in_features].</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null) =>
                NativeLib.Wrap(NativeMethods.sdt_nn_linear(input.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null));
        }
    }
}
