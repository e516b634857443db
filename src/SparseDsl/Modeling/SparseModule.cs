using static SparseDsl.Torch.torch;

namespace SparseDsl.Modeling;

/// <summary>
/// Base of every generated model: a module whose Conv2d and Linear weights are masked.
/// <see cref="MaskedLayers"/> lists them in forward order with their dotted names, which is the order of
/// every layer table and density table the generator emits.
/// </summary>
public abstract class SparseModule(string name, ModelInfo info) : nn.Module<Tensor, Tensor>(name)
{
    private IReadOnlyList<(string Name, IMaskedLayer Layer)>? maskedLayers;

    /// <summary>The layer table computed at compile time.</summary>
    public ModelInfo Info { get; } = info;

    /// <summary>Masked layers in forward (registration) order, with dotted names such as <c>conv1</c>.</summary>
    public IReadOnlyList<(string Name, IMaskedLayer Layer)> MaskedLayers =>
        maskedLayers ??= [.. named_modules().Where(m => m.module is IMaskedLayer).Select(m => (m.name, (IMaskedLayer)m.module))];

    /// <summary>Registers a child module under <paramref name="name"/> and returns it (generated constructors use this).</summary>
    protected T Register<T>(string name, T module) where T : nn.Module
    {
        register_module(name, module);
        maskedLayers = null;
        return module;
    }
}
