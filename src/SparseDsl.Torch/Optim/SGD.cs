using System.Globalization;
using SparseDsl.Torch.Native;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Optim;

/// <summary>
/// Stochastic gradient descent with PyTorch 1.13 semantics, bit for bit: weight decay is added to the gradient,
/// the first step sets the momentum buffer to that gradient, later steps do <c>buf = momentum*buf + (1-dampening)*d_p</c>,
/// Nesterov uses <c>d_p + momentum*buf</c>. One <see cref="step"/> is one native call for all parameters.
/// For sparse training, <see cref="SetGradientMasks"/> makes each step multiply gradients by fixed masks first.
/// </summary>
public sealed class SGD : Optimizer
{
    private const string MomentumBufferKey = "momentum_buffer";

    private readonly Tensor?[] momentumBuffers;
    private Tensor?[]? gradientMasks;

    public SGD(IEnumerable<nn.Parameter> parameters, double lr, double momentum = 0, double dampening = 0,
        double weight_decay = 0, bool nesterov = false) : base(parameters, lr)
    {
        Validate(momentum, dampening, weight_decay, nesterov);
        (Momentum, Dampening, WeightDecay, Nesterov) = (momentum, dampening, weight_decay, nesterov);
        momentumBuffers = new Tensor?[Parameters.Count];
        MomentumBuffers = Array.AsReadOnly(momentumBuffers);
    }

    public double Momentum { get; private set; }
    public double Dampening { get; private set; }
    public double WeightDecay { get; private set; }
    public bool Nesterov { get; private set; }

    /// <summary>
    /// One momentum buffer per parameter, in parameter order: null until the parameter's first step with a gradient
    /// (and always null without momentum). The live tensors, owned by the optimizer: modify them in place
    /// (e.g. to mask them), never dispose them.
    /// </summary>
    public IReadOnlyList<Tensor?> MomentumBuffers { get; }

    /// <summary>
    /// Replaces every momentum buffer by a copy of <paramref name="buffers"/> (one entry per parameter, null = none yet;
    /// each converted to its parameter's dtype and device). All or nothing: on a shape error nothing changes.
    /// </summary>
    public void LoadMomentumBuffers(IReadOnlyList<Tensor?> buffers)
    {
        ThrowIfDisposed();
        RequireOnePerParameter(buffers, nameof(buffers));
        var copies = new Tensor?[buffers.Count];
        try
        {
            for (var i = 0; i < copies.Length; i++)
                if (buffers[i] is { } buffer) copies[i] = CopyState(buffer, Parameters[i]);
        }
        catch
        {
            foreach (var copy in copies) copy?.Dispose();
            throw;
        }
        for (var i = 0; i < copies.Length; i++)
        {
            momentumBuffers[i]?.Dispose();
            momentumBuffers[i] = copies[i];
        }
    }

    /// <summary>
    /// Sets a gradient mask per parameter (same order; null entry = dense), or removes all masks when
    /// <paramref name="masks"/> is null. Each step first multiplies a parameter's gradient in place by its mask, so
    /// masked weights get zero gradient and zero momentum, and a masked weight that is zero stays exactly zero.
    /// The optimizer keeps aliases: changing a mask tensor in place later (e.g. regrowth) takes effect on the next step.
    /// </summary>
    public void SetGradientMasks(IReadOnlyList<Tensor?>? masks)
    {
        ThrowIfDisposed();
        Tensor?[]? aliases = null;
        if (masks is not null)
        {
            RequireOnePerParameter(masks, nameof(masks));
            for (var i = 0; i < masks.Count; i++)
                if (masks[i] is { } mask && !mask.shape.SequenceEqual(Parameters[i].shape))
                    throw new ArgumentException(
                        $"Gradient mask {i} has shape [{string.Join(", ", mask.shape)}] but its parameter has shape [{string.Join(", ", Parameters[i].shape)}].",
                        nameof(masks));
            aliases = [.. masks.Select(m => m?.alias().DetachFromDisposeScope())];
        }
        DisposeAll(gradientMasks);
        gradientMasks = aliases;
    }

    public override unsafe void step()
    {
        ThrowIfDisposed();
        using var parameters = new BorrowedHandles(Parameters);
        using var masks = gradientMasks is null ? null : new BorrowedHandles(gradientMasks);
        using var buffers = new BorrowedHandles(momentumBuffers);
        var bufferPointers = buffers.Pointers;
        int status;
        fixed (IntPtr* p = parameters.Pointers)
        fixed (IntPtr* m = masks?.Pointers)
        fixed (IntPtr* b = bufferPointers)
            status = NativeMethods.sdt_optim_sgd_step(p, m, b, Parameters.Count, LearningRate, Momentum, Dampening, WeightDecay, Nesterov);
        // Take ownership of buffers made by this step before reporting any failure, so none leaks.
        for (var i = 0; i < momentumBuffers.Length; i++)
            if (momentumBuffers[i] is null && bufferPointers[i] != IntPtr.Zero)
                momentumBuffers[i] = new Tensor(new TensorHandle(bufferPointers[i])).DetachFromDisposeScope();
        NativeLib.Check(status);
    }

    public override IEnumerable<(string name, Tensor tensor)> named_state()
    {
        ThrowIfDisposed();
        for (var i = 0; i < momentumBuffers.Length; i++)
            if (momentumBuffers[i] is { } buffer) yield return (StateName(i), buffer);
    }

    public override OptimizerState state_dict()
    {
        ThrowIfDisposed();
        var hyperparameters = new Dictionary<string, double>
        {
            ["lr"] = LearningRate,
            ["momentum"] = Momentum,
            ["dampening"] = Dampening,
            ["weight_decay"] = WeightDecay,
            ["nesterov"] = Nesterov ? 1 : 0,
        };
        if (InitialLearningRate is { } initial) hyperparameters["initial_lr"] = initial;
        var tensors = new List<(string, Tensor)>();
        try
        {
            foreach (var (name, buffer) in named_state()) tensors.Add((name, CopyState(buffer, buffer)));
        }
        catch
        {
            foreach (var (_, t) in tensors) t.Dispose();
            throw;
        }
        return new OptimizerState(hyperparameters, tensors);
    }

    public override void load_state_dict(OptimizerState state)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(state);
        var (lr, momentum, dampening, weightDecay) = (state.Get("lr"), state.Get("momentum"), state.Get("dampening"), state.Get("weight_decay"));
        var nesterov = state.Get("nesterov") != 0;
        Validate(momentum, dampening, weightDecay, nesterov);
        if (lr < 0) throw new ArgumentException($"Optimizer state has an invalid learning rate {lr}.", nameof(state));

        var buffers = new Tensor?[Parameters.Count];
        foreach (var (name, tensor) in state.Tensors)
            buffers[ParameterIndexOf(name)] = tensor;
        LoadMomentumBuffers(buffers);

        LearningRate = lr;
        InitialLearningRate = state.Hyperparameters.TryGetValue("initial_lr", out var initial) ? initial : null;
        (Momentum, Dampening, WeightDecay, Nesterov) = (momentum, dampening, weightDecay, nesterov);
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        DisposeAll(momentumBuffers);
        DisposeAll(gradientMasks);
    }

    private static string StateName(int index) => $"{index.ToString(CultureInfo.InvariantCulture)}.{MomentumBufferKey}";

    /// <summary>The parameter index in a state name <c>index.momentum_buffer</c>.</summary>
    private int ParameterIndexOf(string name)
    {
        var dot = name.IndexOf('.');
        if (dot > 0 && name.AsSpan(dot + 1).SequenceEqual(MomentumBufferKey)
            && int.TryParse(name.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < Parameters.Count)
            return index;
        throw new ArgumentException(
            $"Optimizer state tensor '{name}' is not an SGD momentum buffer of one of the {Parameters.Count} parameters.");
    }

    private static void Validate(double momentum, double dampening, double weightDecay, bool nesterov)
    {
        if (momentum < 0) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Invalid momentum value: must be >= 0.");
        if (weightDecay < 0) throw new ArgumentOutOfRangeException("weight_decay", weightDecay, "Invalid weight_decay value: must be >= 0.");
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening.", nameof(nesterov));
    }

    private void RequireOnePerParameter<T>(IReadOnlyList<T> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count != Parameters.Count)
            throw new ArgumentException($"Expected one entry per parameter ({Parameters.Count}), got {values.Count}.", name);
    }

    private static Tensor CopyState(Tensor source, Tensor like) =>
        NativeLib.Wrap(NativeMethods.sdt_optim_state_copy(source.Handle, like.Handle)).DetachFromDisposeScope();

    private static void DisposeAll(Tensor?[]? tensors)
    {
        if (tensors is null) return;
        for (var i = 0; i < tensors.Length; i++)
        {
            tensors[i]?.Dispose();
            tensors[i] = null;
        }
    }
}
