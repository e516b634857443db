using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>This tensor on <paramref name="device"/> (a new handle; the same storage when already there).</summary>
        public Tensor to(Device device, bool non_blocking = false) =>
            NativeLib.Wrap(NativeMethods.sdt_tensor_to(Handle, -1, (int)device.type, device.index, non_blocking, false));

        /// <summary>This tensor converted to <paramref name="type"/>.</summary>
        public Tensor to(ScalarType type) =>
            NativeLib.Wrap(NativeMethods.sdt_tensor_to(Handle, (sbyte)type, -1, -1, false, false));

        public Tensor to(ScalarType type, Device device, bool non_blocking = false) =>
            NativeLib.Wrap(NativeMethods.sdt_tensor_to(Handle, (sbyte)type, (int)device.type, device.index, non_blocking, false));

        public Tensor cpu() => to(Device.CPU);
        public Tensor cuda(int index = 0) => to(new Device(DeviceType.CUDA, index));
    }
}
