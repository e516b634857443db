using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// 2-D convolution of [N, C_in, H, W] by weight [C_out, C_in/groups, kH, kW]; one value of stride,
            /// padding and dilation applies to both spatial dimensions.
            /// </summary>
            public static unsafe Tensor conv2d(Tensor input, Tensor weight, Tensor? bias, long stride, long padding = 0,
                long dilation = 1, long groups = 1) =>
                NativeLib.Wrap(NativeMethods.sdt_nn_conv2d(input.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null,
                    &stride, 1, &padding, 1, &dilation, 1, groups));

            /// <summary>2-D convolution with per-dimension (or single) stride, padding and dilation; null means PyTorch's default.</summary>
            public static unsafe Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null,
                long[]? padding = null, long[]? dilation = null, long groups = 1)
            {
                strides ??= SingleOne;
                padding ??= SingleZero;
                dilation ??= SingleOne;
                fixed (long* s = strides)
                fixed (long* p = padding)
                fixed (long* d = dilation)
                    return NativeLib.Wrap(NativeMethods.sdt_nn_conv2d(input.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null,
                        s, strides.Length, p, padding.Length, d, dilation.Length, groups));
            }
        }
    }
}
