using System.Runtime.CompilerServices;

namespace SparseDsl.Generators.Tests.Infrastructure;

/// <summary>Paths in the source tree, found from this file's compile-time path.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "..", ".."));

    public static string ModelsProject => Path.Combine(Root, "models", "SparseDsl.Models");

    public static string Modeling => Path.Combine(Root, "src", "SparseDsl", "Modeling");

    private static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
