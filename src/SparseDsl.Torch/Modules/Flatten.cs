using SparseDsl.Torch.Native;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules
{
    /// <summary>Flattens dimensions <see cref="start_dim"/>..<see cref="end_dim"/> into one (by default all but the batch dimension).</summary>
    public class Flatten(long start_dim = 1, long end_dim = -1) : nn.Module<Tensor, Tensor>(nameof(Flatten))
    {
        public long start_dim { get; } = start_dim;
        public long end_dim { get; } = end_dim;

        public override Tensor forward(Tensor input) => NativeLib.Wrap(NativeMethods.sdt_nn_flatten(input.Handle, start_dim, end_dim));
    }
}

namespace SparseDsl.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);
        }
    }
}
