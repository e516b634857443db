namespace SparseDsl.Generators.Specs;

/// <summary>A type the generator completes (the user's partial declaration) or creates (a family's variant).</summary>
/// <param name="Namespace">Containing namespace, empty for the global namespace.</param>
/// <param name="Name">Type name as written, e.g. <c>LeNet5</c>.</param>
/// <param name="FullyQualifiedName"><c>global::</c>-qualified name, e.g. <c>global::N.LeNet5</c>.</param>
/// <param name="Keyword"><c>record</c> or <c>class</c>, repeated on the generated partial declaration.</param>
/// <param name="IsPublic">Whether generated companion types (the module class) are public or internal.</param>
/// <param name="Generated">True for a type only the generator declares (a variant): it then writes its accessibility and <c>sealed</c>.</param>
internal sealed record TypeTarget(string Namespace, string Name, string FullyQualifiedName, string Keyword, bool IsPublic, bool Generated = false)
{
    /// <summary><c>&lt;Namespace&gt;.&lt;Name&gt;&lt;suffix&gt;</c>, the hint name pattern of every generated file.</summary>
    public string HintName(string suffix) => (Namespace.Length == 0 ? Name : Namespace + "." + Name) + suffix;

    public string Accessibility => IsPublic ? "public" : "internal";

    /// <summary>The fully qualified name of a sibling type in the same namespace, e.g. the module class.</summary>
    public string Sibling(string name) => Namespace.Length == 0 ? "global::" + name : "global::" + Namespace + "." + name;

    /// <summary>The declaration line of the generated part, e.g. <c>partial record LeNet5</c> or <c>public sealed partial record Vgg16</c>.</summary>
    public string DeclarationStart => (Generated ? Accessibility + " sealed " : "") + "partial " + Keyword + " " + Name;
}
