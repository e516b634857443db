using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>2-D max pooling with a square window; the stride defaults to the kernel size.</summary>
            public static unsafe Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0,
                long dilation = 1, bool ceil_mode = false)
            {
                var s = stride.GetValueOrDefault();
                return NativeLib.Wrap(NativeMethods.sdt_nn_max_pool2d(input.Handle, &kernel_size, 1, &s, stride.HasValue ? 1 : 0,
                    &padding, 1, &dilation, 1, ceil_mode));
            }

            /// <summary>2-D max pooling with per-dimension sizes; a null stride means the kernel size.</summary>
            public static unsafe Tensor max_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null,
                long[]? dilation = null, bool ceil_mode = false)
            {
                padding ??= SingleZero;
                dilation ??= SingleOne;
                fixed (long* k = kernel_size)
                fixed (long* s = stride)
                fixed (long* p = padding)
                fixed (long* d = dilation)
                    return NativeLib.Wrap(NativeMethods.sdt_nn_max_pool2d(input.Handle, k, kernel_size.Length, s, stride?.Length ?? 0,
                        p, padding.Length, d, dilation.Length, ceil_mode));
            }

            /// <summary>2-D average pooling with a square window; the stride defaults to the kernel size.</summary>
            public static unsafe Tensor avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0,
                bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
            {
                var s = stride.GetValueOrDefault();
                return NativeLib.Wrap(NativeMethods.sdt_nn_avg_pool2d(input.Handle, &kernel_size, 1, &s, stride.HasValue ? 1 : 0,
                    &padding, 1, ceil_mode, count_include_pad, divisor_override.HasValue, divisor_override.GetValueOrDefault()));
            }

            /// <summary>2-D average pooling with per-dimension sizes; a null stride means the kernel size.</summary>
            public static unsafe Tensor avg_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null,
                bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
            {
                padding ??= SingleZero;
                fixed (long* k = kernel_size)
                fixed (long* s = stride)
                fixed (long* p = padding)
                    return NativeLib.Wrap(NativeMethods.sdt_nn_avg_pool2d(input.Handle, k, kernel_size.Length, s, stride?.Length ?? 0,
                        p, padding.Length, ceil_mode, count_include_pad, divisor_override.HasValue, divisor_override.GetValueOrDefault()));
            }

            /// <summary>Average pooling to an <paramref name="output_size"/> x <paramref name="output_size"/> map, whatever the input size.</summary>
            public static unsafe Tensor adaptive_avg_pool2d(Tensor input, long output_size) =>
                NativeLib.Wrap(NativeMethods.sdt_nn_adaptive_avg_pool2d(input.Handle, &output_size, 1));

            /// <summary>Average pooling to an output of size [H_out, W_out].</summary>
            public static unsafe Tensor adaptive_avg_pool2d(Tensor input, long[] output_size)
            {
                fixed (long* o = output_size)
                    return NativeLib.Wrap(NativeMethods.sdt_nn_adaptive_avg_pool2d(input.Handle, o, output_size.Length));
            }
        }
    }
}
