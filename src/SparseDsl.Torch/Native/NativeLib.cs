using System.Runtime.InteropServices;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Native;

/// <summary>Turns the shim's status codes and null handles into managed exceptions.</summary>
internal static class NativeLib
{
    /// <summary>Throws a <see cref="TorchException"/> carrying libtorch's message when <paramref name="status"/> is non-zero.</summary>
    internal static void Check(int status)
    {
        if (status != 0) throw new TorchException(LastError());
    }

    /// <summary>Wraps a handle returned by a tensor-making shim function, or throws libtorch's error.</summary>
    internal static Tensor Wrap(TensorHandle handle)
    {
        if (handle.IsInvalid)
        {
            handle.SetHandleAsInvalid();
            throw new TorchException(LastError());
        }
        return new Tensor(handle);
    }

    internal static string LastError() => Marshal.PtrToStringUTF8(NativeMethods.sdt_last_error()) ?? "unknown native error";
}
