using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules
{
    /// <summary>
    /// Fully connected layer, y = x Wᵀ + b, with W of shape [out_features, in_features]. Open for subclassing
    /// (e.g. a layer that applies a sparsity mask to <see cref="weight"/> in <see cref="forward"/>).
    /// </summary>
    public class Linear : nn.Module<Tensor, Tensor>
    {
        private nn.Parameter weightParameter;
        private nn.Parameter? biasParameter;

        public Linear(long in_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null)
            : base(nameof(Linear))
        {
            this.in_features = in_features;
            this.out_features = out_features;
            weightParameter = LayerParameters.Uninitialized([out_features, in_features], device, dtype);
            register_parameter("weight", weightParameter);
            biasParameter = bias ? LayerParameters.Uninitialized([out_features], device, dtype) : null;
            register_parameter("bias", biasParameter);
            reset_parameters();
        }

        public long in_features { get; }
        public long out_features { get; }

        /// <summary>The [out_features, in_features] weight. Setting it registers the new parameter; the replaced one becomes the caller's to dispose.</summary>
        public nn.Parameter weight
        {
            get => weightParameter;
            set => register_parameter("weight", weightParameter = value);
        }

        /// <summary>The [out_features] bias, or null. Setting it registers the new parameter; the replaced one becomes the caller's to dispose.</summary>
        public nn.Parameter? bias
        {
            get => biasParameter;
            set => register_parameter("bias", biasParameter = value);
        }

        /// <summary>Re-draws weight and bias with PyTorch's defaults (U(±1/sqrt(in_features))).</summary>
        public void reset_parameters() => LayerParameters.ResetLikePyTorch(weightParameter, biasParameter);

        public override Tensor forward(Tensor input) => nn.functional.linear(input, weightParameter, biasParameter);
    }
}

namespace SparseDsl.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A fully connected layer initialised as in PyTorch.</summary>
            public static Modules.Linear Linear(long in_features, long out_features, bool bias = true, Device? device = null,
                ScalarType? dtype = null) => new(in_features, out_features, bias, device, dtype);
        }
    }
}
