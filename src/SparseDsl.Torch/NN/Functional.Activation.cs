using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>max(x, 0); with <paramref name="inplace"/> the input is overwritten and returned.</summary>
            public static Tensor relu(Tensor x, bool inplace = false) =>
                inplace ? relu_(x) : NativeLib.Wrap(NativeMethods.sdt_nn_relu(x.Handle));

            /// <summary>In-place max(x, 0); returns <paramref name="x"/> itself.</summary>
            public static Tensor relu_(Tensor x)
            {
                NativeLib.Check(NativeMethods.sdt_nn_relu_(x.Handle));
                return x;
            }

            /// <summary>Softmax along <paramref name="dim"/>, computed in <paramref name="dtype"/> when given.</summary>
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) =>
                NativeLib.Wrap(NativeMethods.sdt_nn_softmax(input.Handle, dim, dtype is { } t ? (sbyte)t : (sbyte)-1));

            /// <summary>log(softmax) along <paramref name="dim"/>, computed stably.</summary>
            public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) =>
                NativeLib.Wrap(NativeMethods.sdt_nn_log_softmax(input.Handle, dim, dtype is { } t ? (sbyte)t : (sbyte)-1));
        }
    }
}
