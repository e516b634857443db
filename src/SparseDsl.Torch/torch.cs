namespace SparseDsl.Torch;

/// <summary>
/// Entry point of the binding, shaped like TorchSharp's <c>torch</c> class so that
/// <c>using static SparseDsl.Torch.torch;</c> code reads as TorchSharp code. Split into partial files by topic.
/// </summary>
public static partial class torch
{
    public const ScalarType uint8 = ScalarType.Byte;
    public const ScalarType int8 = ScalarType.Int8;
    public const ScalarType int16 = ScalarType.Int16;
    public const ScalarType int32 = ScalarType.Int32;
    public const ScalarType int64 = ScalarType.Int64;
    public const ScalarType float16 = ScalarType.Float16;
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    public const ScalarType float32 = ScalarType.Float32;
    public const ScalarType float64 = ScalarType.Float64;
    public const ScalarType @bool = ScalarType.Bool;

    public static readonly Device CPU = Device.CPU;
    public static readonly Device CUDA = Device.CUDA;

    /// <summary>Opens a scope that frees every tensor made on this thread until it is disposed.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Native tensor handles currently alive (made and not yet freed), across all threads. For leak checks.</summary>
    public static long LiveTensorHandles => Native.NativeMethods.sdt_live_tensor_handles();

    /// <summary>Parses a device description such as <c>cpu</c> or <c>cuda:0</c>.</summary>
    public static Device device(string description) => new(description);
}
