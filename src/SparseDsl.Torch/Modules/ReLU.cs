using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules
{
    /// <summary>max(x, 0); with <see cref="inplace"/> the input is overwritten and returned.</summary>
    public class ReLU(bool inplace = false) : nn.Module<Tensor, Tensor>(nameof(ReLU))
    {
        public bool inplace { get; } = inplace;

        public override Tensor forward(Tensor input) => nn.functional.relu(input, inplace);
    }
}

namespace SparseDsl.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.ReLU ReLU(bool inplace = false) => new(inplace);
        }
    }
}
