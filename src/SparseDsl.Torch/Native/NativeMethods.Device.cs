using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

// torch.cuda queries and CPU thread settings (native/src/device.cpp).
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int sdt_cuda_is_available(out int available);
    [LibraryImport(Lib)] internal static partial int sdt_cuda_device_count(out int count);
    [LibraryImport(Lib)] internal static partial int sdt_cuda_synchronize(long deviceIndex);
    [LibraryImport(Lib)] internal static partial int sdt_set_num_threads(int threads);
    [LibraryImport(Lib)] internal static partial int sdt_get_num_threads(out int threads);
    [LibraryImport(Lib)] internal static partial int sdt_set_num_interop_threads(int threads);
    [LibraryImport(Lib)] internal static partial int sdt_get_num_interop_threads(out int threads);
}
