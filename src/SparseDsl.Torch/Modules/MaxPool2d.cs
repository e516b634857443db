using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules
{
    /// <summary>2-D max pooling with a square window; the stride defaults to the kernel size.</summary>
    public class MaxPool2d(long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false)
        : nn.Module<Tensor, Tensor>(nameof(MaxPool2d))
    {
        public long kernel_size { get; } = kernel_size;
        public long stride { get; } = stride ?? kernel_size;
        public long padding { get; } = padding;
        public long dilation { get; } = dilation;
        public bool ceil_mode { get; } = ceil_mode;

        public override Tensor forward(Tensor input) => nn.functional.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode);
    }
}

namespace SparseDsl.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long padding = 0, long dilation = 1,
                bool ceil_mode = false) => new(kernel_size, stride, padding, dilation, ceil_mode);
        }
    }
}
