using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SparseDsl.Generators.Infrastructure;

/// <summary>
/// A source location without the syntax tree behind it: value-equal, so diagnostics can travel through the
/// incremental pipeline without keeping compilations alive or defeating caching.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location is { SourceTree: not null }
            ? new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : null;

    public static LocationInfo? From(SyntaxNode? node) => node == null ? null : From(node.GetLocation());

    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());
}
