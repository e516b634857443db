using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Cross entropy between logits [N, C] (or [N, C, d1, …]) and class indices (int64) or class probabilities,
            /// with optional per-class <paramref name="weight"/> and <paramref name="label_smoothing"/> in [0, 1].
            /// </summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                Reduction reduction = Reduction.Mean, double label_smoothing = 0.0) =>
                NativeLib.Wrap(NativeMethods.sdt_nn_cross_entropy(input.Handle, target.Handle, weight?.Handle ?? TensorHandle.Null,
                    ignore_index, (long)reduction, label_smoothing));

            /// <summary>Negative log-likelihood of class indices under log-probabilities [N, C] (or [N, C, d1, …]).</summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
                long ignore_index = -100) =>
                NativeLib.Wrap(NativeMethods.sdt_nn_nll_loss(input.Handle, target.Handle, weight?.Handle ?? TensorHandle.Null,
                    ignore_index, (long)reduction));
        }
    }
}
