using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace SparseDsl.Generators;

/// <summary>Culture-invariant C# literals and display text for generated code and diagnostics.</summary>
internal static class Literals
{
    /// <summary>A round-trippable C# double literal (always with a '.' or exponent so it reads as a double).</summary>
    public static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'N', 'I' }) >= 0 ? text : text + ".0";
    }

    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary><c>1, 28, 28</c></summary>
    public static string ShapeList(IEnumerable<long> shape) => string.Join(", ", shape.Select(Long));

    /// <summary><c>[1, 28, 28]</c></summary>
    public static string Shape(IEnumerable<long> shape) => "[" + ShapeList(shape) + "]";

    /// <summary>A collection expression, <c>[1, 28, 28]</c> or <c>[]</c>, for a parameter or field typed <c>long[]</c>.</summary>
    public static string LongArray(IEnumerable<long> values) => "[" + string.Join(", ", values.Select(Long)) + "]";

    /// <summary>A collection expression of string literals, for a <c>string[]</c>.</summary>
    public static string StringArray(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(String)) + "]";

    /// <summary>A collection expression of double literals, for a <c>double[]</c>.</summary>
    public static string DoubleArray(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(Double)) + "]";

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Sparsity as a percentage for docs: density 0.1 → <c>90</c>.</summary>
    public static string SparsityPercent(double density) =>
        Math.Round((1 - density) * 100, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
