namespace SparseDsl.Generators.Specs;

/// <summary>The user's partial declaration the generator completes.</summary>
/// <param name="Namespace">Containing namespace, empty for the global namespace.</param>
/// <param name="Name">Type name as written, e.g. <c>LeNet5</c>.</param>
/// <param name="FullyQualifiedName"><c>global::</c>-qualified name, e.g. <c>global::N.LeNet5</c>.</param>
/// <param name="Keyword"><c>record</c> or <c>class</c>, repeated on the generated partial declaration.</param>
/// <param name="IsPublic">Whether generated companion types (the module class) are public or internal.</param>
internal sealed record TypeTarget(string Namespace, string Name, string FullyQualifiedName, string Keyword, bool IsPublic)
{
    /// <summary><c>&lt;Namespace&gt;.&lt;Name&gt;&lt;suffix&gt;</c>, the hint name pattern of every generated file.</summary>
    public string HintName(string suffix) => (Namespace.Length == 0 ? Name : Namespace + "." + Name) + suffix;

    public string Accessibility => IsPublic ? "public" : "internal";
}
