using System.Text.Json.Serialization;
using SparseDsl.Torch;
using SparseDsl.Torch.Amp;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Training;

/// <summary>
/// The arithmetic of a training run's forward pass. Weights, optimizer state and masks are float32 in every case;
/// the mixed modes run the forward pass and loss under autocast (<see cref="torch.autocast"/>), so convolutions and
/// matrix products compute in the low-precision type. Evaluation always runs in float32.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Precision>))]
public enum Precision
{
    /// <summary>float32 throughout (the default).</summary>
    Fp32,

    /// <summary>bfloat16 autocast: float32's range, so no loss scaling. CPU and CUDA.</summary>
    Bf16,

    /// <summary>float16 autocast with dynamic loss scaling (<see cref="GradScaler"/>). CUDA only.</summary>
    Fp16,
}

/// <summary>What each <see cref="Precision"/> needs during a training step.</summary>
public static class MixedPrecision
{
    /// <summary>Why <paramref name="precision"/> cannot train on <paramref name="device"/>, or null when it can.</summary>
    public static string? Problem(Precision precision, DeviceType device) =>
        precision == Precision.Fp16 && device != DeviceType.CUDA
            ? "float16 autocast needs a CUDA device (libtorch has no float16 convolution on the CPU); use bf16 on the CPU"
            : null;

    /// <summary>The autocast region for one forward pass and loss, or null in float32.</summary>
    public static IDisposable? Autocast(Precision precision, Device device) => precision switch
    {
        Precision.Bf16 => autocast(device.type, ScalarType.BFloat16),
        Precision.Fp16 => autocast(device.type, ScalarType.Float16),
        _ => null,
    };

    /// <summary>The loss scaler: active for float16 only (PyTorch's defaults), a pass-through otherwise.</summary>
    public static GradScaler Scaler(Precision precision) => new(enabled: precision == Precision.Fp16);
}
