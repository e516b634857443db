using SparseDsl.Torch.Native;
using SparseDsl.Torch.Optim;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Amp;

/// <summary>
/// Dynamic loss scaling for float16 training, with the semantics of PyTorch's <c>torch.cuda.amp.GradScaler</c>: the loss
/// is multiplied by <see cref="Scale"/> before backward so small float16 gradients do not flush to zero;
/// <see cref="step"/> divides the gradients by it and skips the optimizer step when any is inf or NaN; <see cref="update"/>
/// then halves the scale (backoff), or doubles it after <c>growth_interval</c> clean steps in a row. bfloat16 has
/// float32's range and needs none of this. The verdict costs one device-to-host read per step, as in PyTorch.
/// </summary>
public sealed class GradScaler
{
    private readonly double growthFactor;
    private readonly double backoffFactor;
    private Tensor? foundInf;
    private bool unscaled;

    public GradScaler(double init_scale = 65536.0, double growth_factor = 2.0, double backoff_factor = 0.5,
        int growth_interval = 2000, bool enabled = true)
    {
        if (!(init_scale > 0) || double.IsInfinity(init_scale)) throw new ArgumentOutOfRangeException(nameof(init_scale), init_scale, "the scale must be positive and finite");
        if (!(growth_factor > 1)) throw new ArgumentOutOfRangeException(nameof(growth_factor), growth_factor, "growth_factor must be > 1");
        if (!(backoff_factor is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(backoff_factor), backoff_factor, "backoff_factor must be in (0, 1)");
        if (growth_interval < 1) throw new ArgumentOutOfRangeException(nameof(growth_interval), growth_interval, "growth_interval must be at least 1");
        (Scale, growthFactor, backoffFactor, GrowthInterval, IsEnabled) = (init_scale, growth_factor, backoff_factor, growth_interval, enabled);
    }

    public bool IsEnabled { get; }

    /// <summary>Clean steps in a row after which the scale grows.</summary>
    public int GrowthInterval { get; }

    /// <summary>The current loss scale.</summary>
    public double Scale { get; private set; }

    /// <summary>Clean steps since the scale last changed (PyTorch's <c>_growth_tracker</c>).</summary>
    public int GrowthTracker { get; private set; }

    /// <summary>Whether the last <see cref="step"/> found inf/NaN gradients and skipped the optimizer.</summary>
    public bool LastStepSkipped { get; private set; }

    /// <summary>The loss multiplied by the scale (the loss itself when disabled); call backward on this.</summary>
    public Tensor scale(Tensor loss) => IsEnabled ? loss.mul(Scale) : loss;

    /// <summary>
    /// Divides the optimizer's gradients by the scale in place (call before clipping or reading them); at most once
    /// between two <see cref="update"/> calls. <see cref="step"/> calls it when you did not.
    /// </summary>
    public unsafe void unscale_(Optimizer optimizer)
    {
        if (!IsEnabled) return;
        if (unscaled) throw new InvalidOperationException("unscale_() has already been called on this optimizer since the last update().");
        using var scope = NewDisposeScope();
        var grads = optimizer.Parameters.Select(p => p.grad).ToList();
        var device = grads.FirstOrDefault(g => g is not null)?.device ?? Device.CPU;
        foundInf?.Dispose();
        foundInf = torch.zeros([1], ScalarType.Float32, device).DetachFromDisposeScope();
        using var handles = new BorrowedHandles(grads);
        fixed (IntPtr* g = handles.Pointers)
            NativeLib.Check(NativeMethods.sdt_amp_unscale(g, grads.Count, foundInf.Handle, 1.0 / Scale));
        unscaled = true;
    }

    /// <summary>Unscales (if not yet done) and steps the optimizer unless a gradient was inf or NaN. Returns whether it stepped.</summary>
    public bool step(Optimizer optimizer)
    {
        if (!IsEnabled)
        {
            optimizer.step();
            return true;
        }
        if (!unscaled) unscale_(optimizer);
        LastStepSkipped = foundInf!.item<float>() != 0;
        if (!LastStepSkipped) optimizer.step();
        return !LastStepSkipped;
    }

    /// <summary>Adjusts the scale after a step (backoff on inf/NaN, growth after enough clean steps) and readies the next step.</summary>
    public void update()
    {
        if (!IsEnabled) return;
        if (!unscaled) throw new InvalidOperationException("update() needs a step(optimizer) (or unscale_) since the last update().");
        if (LastStepSkipped)
        {
            Scale *= backoffFactor;
            GrowthTracker = 0;
        }
        else if (++GrowthTracker == GrowthInterval)
        {
            Scale *= growthFactor;
            GrowthTracker = 0;
        }
        unscaled = false;
        foundInf?.Dispose();
        foundInf = null;
    }

    /// <summary>Restores the scale and growth tracker of a checkpoint (see <see cref="Scale"/>, <see cref="GrowthTracker"/>).</summary>
    public void load_state(double scale, int growthTracker)
    {
        if (!(scale > 0) || double.IsInfinity(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "the scale must be positive and finite");
        if (growthTracker < 0 || growthTracker >= GrowthInterval)
            throw new ArgumentOutOfRangeException(nameof(growthTracker), growthTracker, $"the growth tracker must be in [0, {GrowthInterval})");
        (Scale, GrowthTracker) = (scale, growthTracker);
    }
}
