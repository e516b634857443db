using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// In training, zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1-p);
            /// otherwise returns the input's values unchanged. With <paramref name="inplace"/> the input is overwritten and returned.
            /// </summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
            {
                if (!inplace) return NativeLib.Wrap(NativeMethods.sdt_nn_dropout(input.Handle, p, training));
                NativeLib.Check(NativeMethods.sdt_nn_dropout_(input.Handle, p, training));
                return input;
            }
        }
    }
}
