using System.Collections.ObjectModel;

namespace SparseDsl.Checkpoints;

/// <summary>One named tensor of a safetensors file: element type, shape and its raw little-endian bytes.</summary>
public sealed class SafetensorsTensor
{
    /// <summary>Takes <paramref name="data"/> as is (no copy); its length must be numel · item size.</summary>
    public SafetensorsTensor(string name, SafetensorsDtype dtype, long[] shape, byte[] data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        if (!Enum.IsDefined(dtype)) throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown safetensors dtype");
        if (!ElementCount.TryCompute(shape, out var numel) || numel > long.MaxValue / dtype.ItemSize())
            throw new ArgumentException($"Tensor '{name}' has an invalid shape [{string.Join(", ", shape)}].", nameof(shape));
        if (data.LongLength != numel * dtype.ItemSize())
            throw new ArgumentException(
                $"Tensor '{name}' ({dtype}, shape [{string.Join(", ", shape)}]) needs {numel * dtype.ItemSize()} bytes, got {data.LongLength}.", nameof(data));
        Name = name;
        Dtype = dtype;
        Shape = Array.AsReadOnly((long[])shape.Clone());
        Data = data;
    }

    public string Name { get; }

    public SafetensorsDtype Dtype { get; }

    public ReadOnlyCollection<long> Shape { get; }

    /// <summary>The raw bytes, little-endian, row-major. Shared, not copied: do not modify.</summary>
    public byte[] Data { get; }

    public override string ToString() => $"{Name}: {Dtype} [{string.Join(", ", Shape)}]";
}

/// <summary>Element counts of shapes, refusing negative sizes and overflow.</summary>
internal static class ElementCount
{
    public static bool TryCompute(IReadOnlyList<long> shape, out long numel)
    {
        numel = 1;
        foreach (var size in shape)
        {
            if (size < 0) return false;
            if (size != 0 && numel > long.MaxValue / size) return false;
            numel *= size;
        }
        return true;
    }
}
