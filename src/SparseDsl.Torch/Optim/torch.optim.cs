namespace SparseDsl.Torch;

public static partial class torch
{
    /// <summary>Optimizers and learning-rate schedules, as TorchSharp's <c>torch.optim</c>; the types live in <see cref="Optim"/>.</summary>
    public static partial class optim
    {
        /// <summary>Stochastic gradient descent with PyTorch 1.13 semantics; see <see cref="Optim.SGD"/>.</summary>
        public static Optim.SGD SGD(IEnumerable<nn.Parameter> parameters, double lr, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false) =>
            new(parameters, lr, momentum, dampening, weight_decay, nesterov);
    }
}
