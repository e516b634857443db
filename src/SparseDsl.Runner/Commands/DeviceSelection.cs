using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Runner.Commands;

/// <summary>Turns Runtime:Device into a device, refusing CUDA with a clear message when it is absent.</summary>
internal static class DeviceSelection
{
    public static Device Resolve(string setting)
    {
        if (setting.Equals("auto", StringComparison.OrdinalIgnoreCase))
            return cuda.is_available() ? Device.CUDA : Device.CPU;
        var device = new Device(setting);
        if (device.type == DeviceType.CUDA && !cuda.is_available())
            throw new InvalidOperationException(
                $"Runtime:Device is '{setting}' but CUDA is not available: this libtorch build has no CUDA or no GPU is visible. " +
                "Use --Runtime:Device=cpu (or auto), or build against a CUDA libtorch (see README, 'GPU').");
        if (device.type == DeviceType.CUDA && device.index >= cuda.device_count())
            throw new InvalidOperationException($"Runtime:Device is '{setting}' but only {cuda.device_count()} CUDA device(s) exist.");
        return device;
    }
}
