using Microsoft.Extensions.Logging;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Runner.Commands;

/// <summary>Turns Runtime:Device into a device, refusing CUDA with a clear message when it is absent.</summary>
internal static class DeviceSelection
{
    /// <summary>What to do when CUDA is wanted but this shim's libtorch has none (docs/gpu.md has the details).</summary>
    public const string HowToGetCuda =
        "To train on a GPU, build against a CUDA libtorch: install a CUDA build of PyTorch where python3 sees it " +
        "(pip install torch --index-url https://download.pytorch.org/whl/cu121), or unpack the CUDA libtorch zip and set " +
        "SPARSEDSL_LIBTORCH=<its directory>, then rebuild (dotnet build -c Release); see docs/gpu.md.";

    /// <param name="setting">auto, cpu, cuda or cuda:N.</param>
    /// <param name="logger">Told, in one line, when auto falls back to the CPU.</param>
    /// <param name="localRank">In a distributed run, this process's index on its node: auto and cuda pick cuda:LOCAL_RANK.</param>
    public static Device Resolve(string setting, ILogger? logger = null, int? localRank = null)
    {
        if (setting.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (cuda.is_available()) return Checked(new Device(DeviceType.CUDA, localRank ?? 0), setting);
            logger?.LogInformation("Runtime:Device=auto: CUDA is not available (this libtorch has no CUDA, or no GPU is visible); training on the CPU.");
            return Device.CPU;
        }
        var device = new Device(setting);
        if (device.type == DeviceType.CUDA && !cuda.is_available())
            throw new InvalidOperationException(
                $"Runtime:Device is '{setting}' but CUDA is not available: this libtorch build has no CUDA or no GPU is visible. " +
                "Use --Runtime:Device=cpu (or auto). " + HowToGetCuda);
        if (device.type == DeviceType.CUDA && localRank is { } local && setting.Equals("cuda", StringComparison.OrdinalIgnoreCase))
            device = new Device(DeviceType.CUDA, local);
        return Checked(device, setting);
    }

    private static Device Checked(Device device, string setting)
    {
        if (device.type == DeviceType.CUDA && device.index >= cuda.device_count())
            throw new InvalidOperationException($"Runtime:Device is '{setting}' ({device}) but only {cuda.device_count()} CUDA device(s) are visible.");
        return device;
    }
}
