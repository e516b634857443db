using SparseDsl.Torch.Native;

namespace SparseDsl.Torch;

public static partial class torch
{
    /// <summary>
    /// Opens an autocast region on this thread, as Python's <c>with torch.autocast(device_type, dtype)</c>: until the
    /// returned object is disposed, convolutions and matrix products on <paramref name="device_type"/> run in
    /// <paramref name="dtype"/> (default: bfloat16 on the CPU, float16 on CUDA) while losses, reductions and the
    /// weights themselves stay float32. Run backward after the region, not inside it. Disposal restores the state
    /// found on entry, and the outermost region's end drops the cache of low-precision weight copies.
    /// The CPU supports bfloat16 only (libtorch 1.x has no float16 CPU kernels for convolution).
    /// </summary>
    public static AutocastMode autocast(DeviceType device_type, ScalarType? dtype = null, bool enabled = true) =>
        new(device_type, dtype ?? DefaultAutocastType(device_type), enabled);

    /// <summary>Whether autocast is on for <paramref name="device_type"/> on this thread.</summary>
    public static bool is_autocast_enabled(DeviceType device_type) => AutocastState(device_type).enabled;

    /// <summary>The type autocast casts to on <paramref name="device_type"/> (when on).</summary>
    public static ScalarType get_autocast_dtype(DeviceType device_type) => AutocastState(device_type).dtype;

    private static ScalarType DefaultAutocastType(DeviceType device) => device == DeviceType.CPU ? ScalarType.BFloat16 : ScalarType.Float16;

    internal static (bool enabled, ScalarType dtype) AutocastState(DeviceType device)
    {
        NativeLib.Check(NativeMethods.sdt_autocast_get((int)device, out var enabled, out var dtype));
        return (enabled != 0, (ScalarType)dtype);
    }

    /// <summary>An open autocast region (see <see cref="autocast"/>); dispose it on the thread that opened it.</summary>
    public sealed class AutocastMode : IDisposable
    {
        private readonly DeviceType device;
        private readonly (bool enabled, ScalarType dtype) previous;
        private readonly int thread = Environment.CurrentManagedThreadId;
        private bool disposed;

        internal AutocastMode(DeviceType device, ScalarType dtype, bool enabled)
        {
            if (enabled && !SupportedTypes(device).Contains(dtype))
                throw new ArgumentException(
                    $"autocast on {device.ToString().ToLowerInvariant()} supports {string.Join(" and ", SupportedTypes(device))}, not {dtype}.", nameof(dtype));
            this.device = device;
            previous = AutocastState(device);
            NativeLib.Check(NativeMethods.sdt_autocast_set((int)device, enabled ? 1 : 0, (sbyte)dtype));
            NativeLib.Check(NativeMethods.sdt_autocast_enter(out _));
        }

        /// <summary>The low-precision types autocast can use on a device.</summary>
        public static IReadOnlyList<ScalarType> SupportedTypes(DeviceType device) =>
            device == DeviceType.CPU ? [ScalarType.BFloat16] : [ScalarType.Float16, ScalarType.BFloat16];

        public void Dispose()
        {
            if (disposed) return;
            // Autocast state is thread-local in libtorch: restoring it from another thread would change that thread's.
            if (Environment.CurrentManagedThreadId != thread)
                throw new InvalidOperationException("An autocast region must be closed on the thread that opened it.");
            disposed = true;
            NativeLib.Check(NativeMethods.sdt_autocast_exit(out _));
            NativeLib.Check(NativeMethods.sdt_autocast_set((int)device, previous.enabled ? 1 : 0, (sbyte)previous.dtype));
        }
    }
}
