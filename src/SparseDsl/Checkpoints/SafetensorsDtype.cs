using SparseDsl.Torch;

namespace SparseDsl.Checkpoints;

/// <summary>The element types this reader and writer know, with their safetensors names and sizes.</summary>
public enum SafetensorsDtype
{
    BOOL,
    U8,
    I32,
    I64,
    F16,
    BF16,
    F32,
    F64,
}

public static class SafetensorsDtypes
{
    /// <summary>Bytes per element.</summary>
    public static int ItemSize(this SafetensorsDtype dtype) => dtype switch
    {
        SafetensorsDtype.BOOL or SafetensorsDtype.U8 => 1,
        SafetensorsDtype.F16 or SafetensorsDtype.BF16 => 2,
        SafetensorsDtype.I32 or SafetensorsDtype.F32 => 4,
        SafetensorsDtype.I64 or SafetensorsDtype.F64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown safetensors dtype"),
    };

    /// <summary>The name in the header (<c>F32</c>, <c>BF16</c>…): the enum member's name.</summary>
    public static string HeaderName(this SafetensorsDtype dtype) =>
        Enum.IsDefined(dtype) ? dtype.ToString() : throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown safetensors dtype");

    /// <summary>Parses a header dtype name, exactly as written (the format is case-sensitive).</summary>
    public static bool TryParse(string name, out SafetensorsDtype dtype)
    {
        foreach (var candidate in Enum.GetValues<SafetensorsDtype>())
            if (candidate.ToString() == name)
            {
                dtype = candidate;
                return true;
            }
        dtype = default;
        return false;
    }

    /// <summary>The libtorch element type stored under <paramref name="dtype"/>.</summary>
    public static ScalarType ToScalarType(this SafetensorsDtype dtype) => dtype switch
    {
        SafetensorsDtype.BOOL => ScalarType.Bool,
        SafetensorsDtype.U8 => ScalarType.Byte,
        SafetensorsDtype.I32 => ScalarType.Int32,
        SafetensorsDtype.I64 => ScalarType.Int64,
        SafetensorsDtype.F16 => ScalarType.Float16,
        SafetensorsDtype.BF16 => ScalarType.BFloat16,
        SafetensorsDtype.F32 => ScalarType.Float32,
        SafetensorsDtype.F64 => ScalarType.Float64,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown safetensors dtype"),
    };

    /// <summary>The safetensors dtype of a libtorch element type; Int8 and Int16 have none here.</summary>
    public static SafetensorsDtype FromScalarType(ScalarType type) => type switch
    {
        ScalarType.Bool => SafetensorsDtype.BOOL,
        ScalarType.Byte => SafetensorsDtype.U8,
        ScalarType.Int32 => SafetensorsDtype.I32,
        ScalarType.Int64 => SafetensorsDtype.I64,
        ScalarType.Float16 => SafetensorsDtype.F16,
        ScalarType.BFloat16 => SafetensorsDtype.BF16,
        ScalarType.Float32 => SafetensorsDtype.F32,
        ScalarType.Float64 => SafetensorsDtype.F64,
        _ => throw new NotSupportedException($"Tensors of type {type} cannot be stored in a checkpoint."),
    };
}
