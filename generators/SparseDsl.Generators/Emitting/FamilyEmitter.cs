using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators.Emitting;

/// <summary>Writes <c>&lt;Namespace&gt;.&lt;Family&gt;.Family.g.cs</c>: <c>Variants</c>, the catalog entries of the family's variants.</summary>
internal static class FamilyEmitter
{
    public static string HintName(FamilySpec family) => family.Type.HintName(".Family.g.cs");

    public static string Emit(FamilySpec family)
    {
        var type = family.Type;
        var writer = FileHeader.Start(type.Namespace);
        writer.Line(type.DeclarationStart);
        using (writer.OpenBlock())
        {
            writer.Summary("The variants of this family in declaration order: "
                + string.Join(", ", family.VariantNames.Select((n, i) => Literals.Xml(n) + " (<see cref=\"" + family.VariantTypes[i] + "\"/>)")) + ".");
            writer.Line("public static " + Names.IReadOnlyList + "<" + Names.ModelEntry + "> Variants { get; } = new " + Names.ModelEntry + "[]");
            using (writer.OpenBlock("};"))
                foreach (var variant in family.VariantTypes)
                    writer.Line("new " + Names.ModelEntry + "(" + variant + ".Info, " + variant + ".DensityTables, " + variant + ".CreateModule),");
        }
        return writer.ToString();
    }
}
