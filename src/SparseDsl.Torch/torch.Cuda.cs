using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    /// <summary>CUDA queries. All of them work, and report "no CUDA", against a CPU-only libtorch.</summary>
    public static class cuda
    {
        /// <summary>True when libtorch was built with CUDA and sees at least one GPU.</summary>
        public static bool is_available()
        {
            NativeLib.Check(NativeMethods.sdt_cuda_is_available(out var available));
            return available != 0;
        }

        /// <summary>Number of visible CUDA devices (0 without CUDA).</summary>
        public static int device_count()
        {
            NativeLib.Check(NativeMethods.sdt_cuda_device_count(out var count));
            return count;
        }

        /// <summary>
        /// Waits until all work queued on <paramref name="device"/> (default: the current CUDA device) has finished,
        /// e.g. before reading a timer. Does nothing without CUDA.
        /// </summary>
        public static void synchronize(Device? device = null)
        {
            if (device is { type: not DeviceType.CUDA })
                throw new ArgumentException($"synchronize expects a CUDA device, got '{device}'.", nameof(device));
            NativeLib.Check(NativeMethods.sdt_cuda_synchronize(device?.index ?? -1));
        }
    }
}
