using System.Globalization;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Modeling;

/// <summary>
/// Holds modules under their positions ("0", "1", …) so their parameters get names like <c>stages.1.blocks.0.conv1.weight</c>.
/// It has no forward pass of its own: its owner calls the modules.
/// </summary>
public sealed class IndexedModuleList() : nn.Module(nameof(IndexedModuleList))
{
    private readonly List<nn.Module> modules = [];

    public int Count => modules.Count;

    public nn.Module this[int index] => modules[index];

    /// <summary>Registers <paramref name="module"/> under the next position and returns it.</summary>
    public T Add<T>(T module) where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(module);
        register_module(modules.Count.ToString(CultureInfo.InvariantCulture), module);
        modules.Add(module);
        return module;
    }
}
