using SparseDsl.Generators.Infrastructure;

namespace SparseDsl.Generators.Parsing;

/// <summary>The per-sample input shape of <c>[SparseModel]</c> / <c>[ModelFamily]</c> (their first, <c>params</c> argument).</summary>
internal static class InputShape
{
    /// <returns>The shape, or null after SDSL0004.</returns>
    public static long[]? Read(AttributeArguments arguments, string owner, List<DiagnosticInfo> diagnostics)
    {
        var shape = arguments.PositionalArray<int>(0).Select(d => (long)d).ToArray();
        if ((shape.Length == 1 || shape.Length == 3) && shape.All(d => d > 0)) return shape;
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInputShape, arguments.AttributeLocation,
            "(" + Literals.ShapeList(shape) + ")", owner));
        return null;
    }
}
