using System.Runtime.InteropServices;

namespace SparseDsl.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial GeneratorHandle sdt_generator_new_cpu(ulong seed);
    [LibraryImport(Lib)] internal static partial GeneratorHandle sdt_generator_default_cpu();
    [LibraryImport(Lib)] internal static partial void sdt_generator_free(IntPtr generator);
    [LibraryImport(Lib)] internal static partial int sdt_generator_manual_seed(GeneratorHandle generator, ulong seed);
    [LibraryImport(Lib)] internal static partial int sdt_generator_initial_seed(GeneratorHandle generator, out ulong seed);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_generator_get_state(GeneratorHandle generator);
    [LibraryImport(Lib)] internal static partial int sdt_generator_set_state(GeneratorHandle generator, TensorHandle state);
    [LibraryImport(Lib)] internal static partial int sdt_manual_seed(ulong seed);

    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_rand(long* shape, int ndim, GeneratorHandle generator, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_randn(long* shape, int ndim, GeneratorHandle generator, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static unsafe partial TensorHandle sdt_randint(long low, long high, long* shape, int ndim, GeneratorHandle generator, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_rand_like(TensorHandle t, GeneratorHandle generator, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_randn_like(TensorHandle t, GeneratorHandle generator, sbyte dtype, int deviceType, int deviceIndex, [MarshalAs(UnmanagedType.U1)] bool requiresGrad);
    [LibraryImport(Lib)] internal static partial TensorHandle sdt_tensor_bernoulli(TensorHandle t, GeneratorHandle generator);
    [LibraryImport(Lib)] internal static partial int sdt_tensor_bernoulli_(TensorHandle t, double p, TensorHandle pTensor, GeneratorHandle generator);
}
