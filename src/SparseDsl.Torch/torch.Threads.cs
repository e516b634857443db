using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    /// <summary>
    /// Sets the number of threads libtorch uses for intra-op parallelism on the CPU. With an OpenMP build the
    /// setting applies to the calling thread and to threads that first use libtorch afterwards, so call it
    /// from the thread that runs the training loop, before the work starts.
    /// </summary>
    public static void set_num_threads(int num) => NativeLib.Check(NativeMethods.sdt_set_num_threads(num));

    /// <summary>The number of intra-op threads libtorch uses on the calling thread.</summary>
    public static int get_num_threads()
    {
        NativeLib.Check(NativeMethods.sdt_get_num_threads(out var n));
        return n;
    }

    /// <summary>
    /// Sets the size of libtorch's inter-op thread pool. libtorch allows this once per process, before any
    /// inter-op work has started; a later call throws <see cref="TorchException"/>.
    /// </summary>
    public static void set_num_interop_threads(int num) => NativeLib.Check(NativeMethods.sdt_set_num_interop_threads(num));

    /// <summary>The size of libtorch's inter-op thread pool.</summary>
    public static int get_num_interop_threads()
    {
        NativeLib.Check(NativeMethods.sdt_get_num_interop_threads(out var n));
        return n;
    }
}
