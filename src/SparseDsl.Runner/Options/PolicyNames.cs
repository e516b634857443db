using SparseDsl.Sparsity;

namespace SparseDsl.Runner.Options;

/// <summary>The names users type for layer-wise allocations.</summary>
public static class PolicyNames
{
    private static readonly Dictionary<string, Allocation> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dense"] = Allocation.Dense,
        ["uniform"] = Allocation.Uniform,
        ["uniform+"] = Allocation.UniformPlus,
        ["er"] = Allocation.Er,
        ["erk"] = Allocation.Erk,
        ["erk+"] = Allocation.ErkPlus,
    };

    public static IEnumerable<string> All => ByName.Keys;

    public static bool TryParse(string name, out Allocation allocation) => ByName.TryGetValue(name.Trim(), out allocation);

    public static string NameOf(Allocation allocation) => ByName.First(p => p.Value == allocation).Key;
}
