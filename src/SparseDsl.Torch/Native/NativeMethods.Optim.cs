using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

internal static partial class NativeMethods
{
    /// <summary>
    /// One SGD step over <paramref name="n"/> parameters. <paramref name="masks"/> may be null (no masks);
    /// <paramref name="momentumBuffers"/> is read and written: zero entries may come back holding new tensors the caller owns.
    /// </summary>
    [LibraryImport(Lib)]
    internal static unsafe partial int sdt_optim_sgd_step(IntPtr* parameters, IntPtr* masks, IntPtr* momentumBuffers, int n,
        double lr, double momentum, double dampening, double weightDecay, [MarshalAs(UnmanagedType.U1)] bool nesterov);

    /// <summary>A copy of <paramref name="source"/> with the dtype and device of <paramref name="like"/> (shapes must agree).</summary>
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_optim_state_copy(TensorHandle source, TensorHandle like);
}
