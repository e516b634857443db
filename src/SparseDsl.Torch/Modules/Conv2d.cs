using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules
{
    /// <summary>
    /// 2-D convolution with a square kernel; weight is [out_channels, in_channels / groups, kernel_size, kernel_size].
    /// Open for subclassing (e.g. a layer that applies a sparsity mask to <see cref="weight"/> in <see cref="forward"/>).
    /// </summary>
    public class Conv2d : nn.Module<Tensor, Tensor>
    {
        private nn.Parameter weightParameter;
        private nn.Parameter? biasParameter;

        public Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1,
            long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null)
            : base(nameof(Conv2d))
        {
            if (groups <= 0) throw new ArgumentOutOfRangeException(nameof(groups), groups, "groups must be a positive integer");
            if (in_channels % groups != 0) throw new ArgumentException("in_channels must be divisible by groups", nameof(in_channels));
            if (out_channels % groups != 0) throw new ArgumentException("out_channels must be divisible by groups", nameof(out_channels));
            this.in_channels = in_channels;
            this.out_channels = out_channels;
            this.kernel_size = kernel_size;
            this.stride = stride;
            this.padding = padding;
            this.dilation = dilation;
            this.groups = groups;
            weightParameter = LayerParameters.Uninitialized([out_channels, in_channels / groups, kernel_size, kernel_size], device, dtype);
            register_parameter("weight", weightParameter);
            biasParameter = bias ? LayerParameters.Uninitialized([out_channels], device, dtype) : null;
            register_parameter("bias", biasParameter);
            reset_parameters();
        }

        public long in_channels { get; }
        public long out_channels { get; }
        public long kernel_size { get; }
        public long stride { get; }
        public long padding { get; }
        public long dilation { get; }
        public long groups { get; }

        /// <summary>The convolution kernel. Setting it registers the new parameter; the replaced one becomes the caller's to dispose.</summary>
        public nn.Parameter weight
        {
            get => weightParameter;
            set => register_parameter("weight", weightParameter = value);
        }

        /// <summary>The [out_channels] bias, or null. Setting it registers the new parameter; the replaced one becomes the caller's to dispose.</summary>
        public nn.Parameter? bias
        {
            get => biasParameter;
            set => register_parameter("bias", biasParameter = value);
        }

        /// <summary>Re-draws weight and bias with PyTorch's defaults (U(±1/sqrt(fan_in)), fan_in = in_channels / groups * kernel_size²).</summary>
        public void reset_parameters() => LayerParameters.ResetLikePyTorch(weightParameter, biasParameter);

        public override Tensor forward(Tensor input) =>
            nn.functional.conv2d(input, weightParameter, biasParameter, stride, padding, dilation, groups);
    }
}

namespace SparseDsl.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A 2-D convolution layer initialised as in PyTorch.</summary>
            public static Modules.Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
                long dilation = 1, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias, device, dtype);
        }
    }
}
