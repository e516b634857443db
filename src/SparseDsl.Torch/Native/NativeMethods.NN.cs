using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

// torch.nn.functional (native/src/nn_functional.cpp, nn_loss.cpp). Shape-like arguments are (pointer, count).
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_nn_linear(TensorHandle input, TensorHandle weight, TensorHandle bias);

    [LibraryImport(Lib)]
    internal static unsafe partial TensorHandle sdt_nn_conv2d(TensorHandle input, TensorHandle weight, TensorHandle bias,
        long* stride, int nStride, long* padding, int nPadding, long* dilation, int nDilation, long groups);

    [LibraryImport(Lib)]
    internal static partial TensorHandle sdt_nn_batch_norm(TensorHandle input, TensorHandle runningMean, TensorHandle runningVar,
        TensorHandle weight, TensorHandle bias, [MarshalAs(UnmanagedType.U1)] bool training, double momentum, double eps);

    [LibraryImport(Lib)]
    internal static partial TensorHandle sdt_nn_batch_norm_module(TensorHandle input, TensorHandle weight, TensorHandle bias,
        TensorHandle runningMean, TensorHandle runningVar, TensorHandle numBatchesTracked,
        [MarshalAs(UnmanagedType.U1)] bool training, double momentum, double eps, int minDim, int maxDim);

    [LibraryImport(Lib)] internal static partial TensorHandle sdt_nn_relu(TensorHandle input);
    [LibraryImport(Lib)] internal static partial int sdt_nn_relu_(TensorHandle input);

    [LibraryImport(Lib)] internal static partial TensorHandle sdt_nn_dropout(TensorHandle input, double p, [MarshalAs(UnmanagedType.U1)] bool training);
    [LibraryImport(Lib)] internal static partial int sdt_nn_dropout_(TensorHandle input, double p, [MarshalAs(UnmanagedType.U1)] bool training);

    [LibraryImport(Lib)]
    internal static unsafe partial TensorHandle sdt_nn_max_pool2d(TensorHandle input, long* kernel, int nKernel, long* stride, int nStride,
        long* padding, int nPadding, long* dilation, int nDilation, [MarshalAs(UnmanagedType.U1)] bool ceilMode);

    [LibraryImport(Lib)]
    internal static unsafe partial TensorHandle sdt_nn_avg_pool2d(TensorHandle input, long* kernel, int nKernel, long* stride, int nStride,
        long* padding, int nPadding, [MarshalAs(UnmanagedType.U1)] bool ceilMode, [MarshalAs(UnmanagedType.U1)] bool countIncludePad,
        [MarshalAs(UnmanagedType.U1)] bool hasDivisorOverride, long divisorOverride);

    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_nn_adaptive_avg_pool2d(TensorHandle input, long* outputSize, int nOutputSize);

    [LibraryImport(Lib)] internal static partial TensorHandle sdt_nn_softmax(TensorHandle input, long dim, sbyte dtype);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_nn_log_softmax(TensorHandle input, long dim, sbyte dtype);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_nn_flatten(TensorHandle input, long startDim, long endDim);

    [LibraryImport(Lib)]
    internal static partial TensorHandle sdt_nn_cross_entropy(TensorHandle input, TensorHandle target, TensorHandle weight,
        long ignoreIndex, long reduction, double labelSmoothing);

    [LibraryImport(Lib)]
    internal static partial TensorHandle sdt_nn_nll_loss(TensorHandle input, TensorHandle target, TensorHandle weight,
        long ignoreIndex, long reduction);
}
