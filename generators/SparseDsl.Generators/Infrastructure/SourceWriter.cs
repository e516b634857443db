using System.Text;

namespace SparseDsl.Generators.Infrastructure;

/// <summary>
/// Builds generated source with four-space indentation and LF line endings, whatever the host OS, so the output is
/// byte-for-byte deterministic.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder builder = new();
    private int depth;

    /// <summary>Writes one line at the current indentation (an empty line carries no indentation).</summary>
    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < depth; i++) builder.Append(IndentUnit);
            builder.Append(text);
        }
        builder.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c>, indents, and returns a scope whose disposal writes the closing brace.</summary>
    public Block OpenBlock(string closing = "}")
    {
        Line("{");
        depth++;
        return new Block(this, closing);
    }

    /// <summary>Indents the following lines (continuations) until the returned scope is disposed.</summary>
    public Block Indent()
    {
        depth++;
        return new Block(this, null);
    }

    /// <summary>Writes an XML doc <c>summary</c>, one line per entry; the text must already be XML-escaped.</summary>
    public SourceWriter Summary(params string[] lines)
    {
        Line("/// <summary>");
        foreach (var line in lines) Line("/// " + line);
        Line("/// </summary>");
        return this;
    }

    public override string ToString() => builder.ToString();

    internal readonly struct Block(SourceWriter writer, string? closing) : IDisposable
    {
        public void Dispose()
        {
            writer.depth--;
            if (closing != null) writer.Line(closing);
        }
    }
}
