using SparseDsl.Generated;

namespace SparseDsl.Models.Tests;

/// <summary>Every zoo model's compile-time parameter count equals its reference implementation's.</summary>
public class ParameterCountTests
{
    [Theory]
    [MemberData(nameof(ReferenceCounts.Names), MemberType = typeof(ReferenceCounts))]
    public void Layer_table_counts_the_reference_parameters(string name)
    {
        var entry = ModelCatalog.Find(name);
        Assert.NotNull(entry);
        Assert.Equal(ReferenceCounts.ByName[name], entry.Info.ParameterCount);
    }
}
