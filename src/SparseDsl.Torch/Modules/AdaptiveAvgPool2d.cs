using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules
{
    /// <summary>Average pooling to a fixed [H_out, W_out] output whatever the input size (global pooling with output size 1).</summary>
    public class AdaptiveAvgPool2d : nn.Module<Tensor, Tensor>
    {
        private readonly long[] outputSize;

        public AdaptiveAvgPool2d(long output_size) : this([output_size, output_size]) { }

        public AdaptiveAvgPool2d(long[] output_size) : base(nameof(AdaptiveAvgPool2d))
        {
            if (output_size.Length != 2) throw new ArgumentException("output_size must have 2 elements (height, width)", nameof(output_size));
            outputSize = [.. output_size];
        }

        /// <summary>[H_out, W_out] (a copy).</summary>
        public long[] output_size => [.. outputSize];

        public override Tensor forward(Tensor input) => nn.functional.adaptive_avg_pool2d(input, outputSize);
    }
}

namespace SparseDsl.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.AdaptiveAvgPool2d AdaptiveAvgPool2d(long output_size) => new(output_size);
            public static Modules.AdaptiveAvgPool2d AdaptiveAvgPool2d(long[] output_size) => new(output_size);
        }
    }
}
