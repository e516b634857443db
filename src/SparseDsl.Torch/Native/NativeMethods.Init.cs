using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

// torch.nn.init (native/src/init.cpp). Nonlinearity and fan-mode codes are torch.nn.init's enum values.
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int sdt_init_calculate_gain(int nonlinearity, double param, out double gain);
    [LibraryImport(Lib)] internal static partial int sdt_init_fan_in_and_fan_out(TensorHandle t, out long fanIn, out long fanOut);
    [LibraryImport(Lib)] internal static partial int sdt_init_kaiming_normal_(TensorHandle t, double a, int mode, int nonlinearity);
    [LibraryImport(Lib)] internal static partial int sdt_init_kaiming_uniform_(TensorHandle t, double a, int mode, int nonlinearity);
    [LibraryImport(Lib)] internal static partial int sdt_init_xavier_normal_(TensorHandle t, double gain);
    [LibraryImport(Lib)] internal static partial int sdt_init_xavier_uniform_(TensorHandle t, double gain);
    [LibraryImport(Lib)] internal static partial int sdt_init_normal_(TensorHandle t, double mean, double std);
    [LibraryImport(Lib)] internal static partial int sdt_init_uniform_(TensorHandle t, double low, double high);
    [LibraryImport(Lib)] internal static partial int sdt_init_constant_(TensorHandle t, double value);
    [LibraryImport(Lib)] internal static partial int sdt_init_zeros_(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int sdt_init_ones_(TensorHandle t);
}
