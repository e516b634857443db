using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules
{
    /// <summary>Zeroes each element with probability <see cref="p"/> in training mode (scaling the rest by 1/(1-p)); the identity in evaluation mode.</summary>
    public class Dropout : nn.Module<Tensor, Tensor>
    {
        public Dropout(double p = 0.5, bool inplace = false) : base(nameof(Dropout))
        {
            if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "dropout probability has to be between 0 and 1");
            this.p = p;
            this.inplace = inplace;
        }

        public double p { get; }
        public bool inplace { get; }

        public override Tensor forward(Tensor input) => nn.functional.dropout(input, p, training, inplace);
    }
}

namespace SparseDsl.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.Dropout Dropout(double p = 0.5, bool inplace = false) => new(p, inplace);
        }
    }
}
