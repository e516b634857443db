using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

// torch.distributed over c10d (native/src/distributed.cpp). A process group crosses as an opaque pointer.
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int sdt_dist_backends(out int backends);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int sdt_dist_init(string backend, string masterAddress, int port, int rank, int worldSize,
        long timeoutMilliseconds, [MarshalAs(UnmanagedType.U1)] bool agentStore, out IntPtr group);

    [LibraryImport(Lib)] internal static partial void sdt_dist_free(IntPtr group);
    [LibraryImport(Lib)] internal static unsafe partial int sdt_dist_all_reduce(ProcessGroupHandle group, IntPtr* tensors, int n, int op);
    [LibraryImport(Lib)] internal static unsafe partial int sdt_dist_broadcast(ProcessGroupHandle group, IntPtr* tensors, int n, int root);
    [LibraryImport(Lib)] internal static partial int sdt_dist_barrier(ProcessGroupHandle group);

    // The data-parallel gradient reducer (native/src/grad_reducer.cpp).
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int sdt_grad_reducer_new(ProcessGroupHandle group, IntPtr* parameters, string[] names, int n,
        long bucketBytes, out IntPtr reducer);

    [LibraryImport(Lib)] internal static partial int sdt_grad_reducer_finish(GradReducerHandle reducer);
    [LibraryImport(Lib)] internal static partial int sdt_grad_reducer_stats(GradReducerHandle reducer, out int buckets, out int launched, out int held);
    [LibraryImport(Lib)] internal static partial void sdt_grad_reducer_free(IntPtr reducer);
}
