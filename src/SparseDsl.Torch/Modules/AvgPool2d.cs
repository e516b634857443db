using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules
{
    /// <summary>2-D average pooling with a square window; the stride defaults to the kernel size.</summary>
    public class AvgPool2d(long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true,
        long? divisor_override = null)
        : nn.Module<Tensor, Tensor>(nameof(AvgPool2d))
    {
        public long kernel_size { get; } = kernel_size;
        public long stride { get; } = stride ?? kernel_size;
        public long padding { get; } = padding;
        public bool ceil_mode { get; } = ceil_mode;
        public bool count_include_pad { get; } = count_include_pad;
        public long? divisor_override { get; } = divisor_override;

        public override Tensor forward(Tensor input) =>
            nn.functional.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);
    }
}

namespace SparseDsl.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.AvgPool2d AvgPool2d(long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false,
                bool count_include_pad = true, long? divisor_override = null) =>
                new(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);
        }
    }
}
