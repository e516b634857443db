using System.Globalization;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Torch.Modules
{
    /// <summary>
    /// Runs its layers in order, each on the previous one's output. Layers are registered as children under their
    /// given names, or "0", "1", … by position, so parameters are named like PyTorch's ("0.weight", "1.running_mean").
    /// </summary>
    public class Sequential : nn.Module<Tensor, Tensor>
    {
        private readonly List<nn.Module<Tensor, Tensor>> layers = [];

        public Sequential() : base(nameof(Sequential)) { }

        public Sequential(params (string name, nn.Module<Tensor, Tensor> module)[] modules) : this()
        {
            foreach (var (name, module) in modules) append(name, module);
        }

        public Sequential(params nn.Module<Tensor, Tensor>[] modules) : this()
        {
            foreach (var module in modules) append(module);
        }

        public int Count => layers.Count;

        public nn.Module<Tensor, Tensor> this[int index] => layers[index];

        /// <summary>Adds a layer at the end under <paramref name="name"/>, which must be new.</summary>
        public Sequential append(string name, nn.Module<Tensor, Tensor> module)
        {
            if (named_children().Any(c => c.name == name))
                throw new ArgumentException($"Sequential already has a layer named '{name}'.", nameof(name));
            register_module(name, module);
            layers.Add(module);
            return this;
        }

        /// <summary>Adds a layer at the end, named by its position.</summary>
        public Sequential append(nn.Module<Tensor, Tensor> module) => append(layers.Count.ToString(CultureInfo.InvariantCulture), module);

        public override Tensor forward(Tensor input)
        {
            var x = input;
            foreach (var layer in layers) x = layer.call(x);
            return x;
        }
    }
}

namespace SparseDsl.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static Modules.Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);
            public static Modules.Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);
        }
    }
}
