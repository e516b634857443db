using SparseDsl.Torch.Native;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules;

/// <summary>
/// Batch normalisation over the channel dimension (dimension 1), as PyTorch's _BatchNorm: learnable affine
/// weight/bias, and running mean/variance buffers updated in training mode and used in evaluation mode.
/// </summary>
public abstract class BatchNorm : nn.Module<Tensor, Tensor>
{
    private readonly int minInputDim;
    private readonly int maxInputDim;

    /// <summary>A batch norm layer named <paramref name="name"/> that accepts inputs of rank minInputDim..maxInputDim.</summary>
    protected BatchNorm(string name, int minInputDim, int maxInputDim, long num_features, double eps, double momentum, bool affine,
        bool track_running_stats, Device? device, ScalarType? dtype)
        : base(name)
    {
        this.minInputDim = minInputDim;
        this.maxInputDim = maxInputDim;
        this.num_features = num_features;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.track_running_stats = track_running_stats;
        if (affine)
        {
            weight = LayerParameters.Uninitialized([num_features], device, dtype);
            bias = LayerParameters.Uninitialized([num_features], device, dtype);
        }
        register_parameter("weight", weight);
        register_parameter("bias", bias);
        if (track_running_stats)
        {
            running_mean = zeros([num_features], dtype, device);
            running_var = ones([num_features], dtype, device);
            num_batches_tracked = zeros([], ScalarType.Int64, device);
        }
        register_buffer("running_mean", running_mean);
        register_buffer("running_var", running_var);
        register_buffer("num_batches_tracked", num_batches_tracked);
        reset_parameters();
    }

    public long num_features { get; }
    public double eps { get; }
    /// <summary>Weight of the current batch in the running statistics' exponential average.</summary>
    public double momentum { get; }
    public bool affine { get; }
    public bool track_running_stats { get; }

    /// <summary>Per-channel scale (γ), or null without <see cref="affine"/>.</summary>
    public nn.Parameter? weight { get; }
    /// <summary>Per-channel shift (β), or null without <see cref="affine"/>.</summary>
    public nn.Parameter? bias { get; }
    /// <summary>Running per-channel mean, or null without <see cref="track_running_stats"/>.</summary>
    public Tensor? running_mean { get; }
    /// <summary>Running per-channel (unbiased) variance, or null without <see cref="track_running_stats"/>.</summary>
    public Tensor? running_var { get; }
    /// <summary>Number of training batches seen (int64 scalar), or null without <see cref="track_running_stats"/>.</summary>
    public Tensor? num_batches_tracked { get; }

    /// <summary>Running mean 0, running variance 1, no batches seen.</summary>
    public void reset_running_stats()
    {
        if (running_mean is not null) nn.init.zeros_(running_mean);
        if (running_var is not null) nn.init.ones_(running_var);
        if (num_batches_tracked is not null) nn.init.zeros_(num_batches_tracked);
    }

    /// <summary>Resets the running statistics and the affine transform to the identity (γ = 1, β = 0).</summary>
    public void reset_parameters()
    {
        reset_running_stats();
        if (weight is not null) nn.init.ones_(weight);
        if (bias is not null) nn.init.zeros_(bias);
    }

    /// <summary>
    /// Normalises with the batch's statistics in training mode (updating the running ones and counting the batch),
    /// with the running statistics in evaluation mode. One native call.
    /// </summary>
    public override Tensor forward(Tensor input) =>
        NativeLib.Wrap(NativeMethods.sdt_nn_batch_norm_module(input.Handle, Handle(weight), Handle(bias), Handle(running_mean),
            Handle(running_var), Handle(num_batches_tracked), training, momentum, eps, minInputDim, maxInputDim));

    private static TensorHandle Handle(Tensor? t) => t?.Handle ?? TensorHandle.Null;
}
