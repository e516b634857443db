using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators.Emitting;

/// <summary>Writes <c>SparseDsl.Generated.ModelCatalog</c>: every model and policy of the compilation, found by name.</summary>
internal static class CatalogEmitter
{
    public const string HintName = Names.CatalogNamespace + "." + Names.CatalogClass + ".g.cs";

    public static string Emit(EquatableArray<ModelSpec> models, EquatableArray<PolicySpec> policies)
    {
        var writer = FileHeader.Start(Names.CatalogNamespace);
        writer.Summary("Every model and sparsity policy declared in this assembly.");
        writer.Line("public static class " + Names.CatalogClass);
        using (writer.OpenBlock())
        {
            writer.Summary("Declared models, ordered by name: "
                + string.Join(", ", models.Select(m => Literals.Xml(m.ModelName) + (m.Aliases.Count > 0 ? " (" + string.Join(", ", m.Aliases.Select(Literals.Xml)) + ")" : "")))
                + ".");
            var entries = "public static " + Names.IReadOnlyList + "<" + Names.ModelEntry + "> All { get; } = new " + Names.ModelEntry;
            if (models.Count == 0) writer.Line(entries + "[0];");
            else
            {
                writer.Line(entries + "[]");
                using (writer.OpenBlock("};"))
                    foreach (var model in models)
                    {
                        var type = model.Type.FullyQualifiedName;
                        writer.Line("new " + Names.ModelEntry + "(" + type + ".Info, " + type + ".DensityTables, " + type + ".CreateModule),");
                    }
            }
            writer.Line();

            writer.Summary("Declared sparsity policies, ordered by name: " + string.Join(", ", policies.Select(p => Literals.Xml(p.PolicyName))) + ".");
            var list = "public static " + Names.IReadOnlyList + "<" + Names.SparsityPolicy + "> Policies { get; } = new " + Names.SparsityPolicy;
            if (policies.Count == 0) writer.Line(list + "[0];");
            else
            {
                writer.Line(list + "[]");
                using (writer.OpenBlock("};"))
                    foreach (var policy in policies)
                        writer.Line(policy.Type.FullyQualifiedName + ".Policy,");
            }
            writer.Line();

            writer.Summary("The model whose name or alias is <paramref name=\"nameOrAlias\"/>, ignoring case; null when there is none.");
            writer.Line("public static " + Names.ModelEntry + "? Find(string nameOrAlias)");
            using (writer.OpenBlock())
            {
                writer.Line("foreach (var entry in All)");
                using (writer.OpenBlock())
                    writer.Line("if (entry.Matches(nameOrAlias)) return entry;");
                writer.Line("return null;");
            }
            writer.Line();

            writer.Summary("The policy named <paramref name=\"name\"/>, ignoring case; null when there is none.");
            writer.Line("public static " + Names.SparsityPolicy + "? FindPolicy(string name)");
            using (writer.OpenBlock())
            {
                writer.Line("foreach (var policy in Policies)");
                using (writer.OpenBlock())
                    writer.Line("if (string.Equals(policy.Name, name, " + Names.StringComparison + ".OrdinalIgnoreCase)) return policy;");
                writer.Line("return null;");
            }
        }
        return writer.ToString();
    }
}
