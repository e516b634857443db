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

    /// <summary><c>new long[] { 1, 28, 28 }</c>, or <c>new long[0]</c>.</summary>
    public static string LongArray(IEnumerable<long> values)
    {
        var items = values.Select(Long).ToArray();
        return items.Length == 0 ? "new long[0]" : "new long[] { " + string.Join(", ", items) + " }";
    }

    public static string StringArray(IEnumerable<string> values)
    {
        var items = values.Select(String).ToArray();
        return items.Length == 0 ? "new string[0]" : "new string[] { " + string.Join(", ", items) + " }";
    }

    public static string DoubleArray(IEnumerable<double> values)
    {
        var items = values.Select(Double).ToArray();
        return items.Length == 0 ? "new double[0]" : "new double[] { " + string.Join(", ", items) + " }";
    }

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Sparsity as a percentage for docs: density 0.1 → <c>90</c>.</summary>
    public static string SparsityPercent(double density) =>
        Math.Round((1 - density) * 100, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
