using SparseDsl.Torch;
using SparseDsl.Torch.Native;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Checkpoints;

/// <summary>Copies between libtorch tensors (any device) and safetensors entries, byte for byte, in the tensor's own dtype.</summary>
public static class TensorBytes
{
    /// <summary>A CPU copy of <paramref name="tensor"/>'s elements as a safetensors entry named <paramref name="name"/>.</summary>
    public static unsafe SafetensorsTensor ToSafetensors(string name, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var dtype = SafetensorsDtypes.FromScalarType(tensor.dtype);
        var shape = tensor.shape;
        var data = new byte[checked(tensor.numel() * dtype.ItemSize())];
        fixed (byte* p = data)
            NativeLib.Check(NativeMethods.sdt_tensor_copy_to(tensor.Handle, p, (sbyte)tensor.dtype, data.LongLength));
        return new SafetensorsTensor(name, dtype, shape, data);
    }

    /// <summary>A new CPU tensor holding <paramref name="entry"/>'s elements (it joins the current dispose scope).</summary>
    public static unsafe Tensor ToTensor(SafetensorsTensor entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var shape = entry.Shape.ToArray();
        fixed (byte* d = entry.Data)
        fixed (long* s = shape)
            return NativeLib.Wrap(NativeMethods.sdt_tensor_from_data(d, (sbyte)entry.Dtype.ToScalarType(), s, shape.Length, entry.Data.LongLength));
    }
}
