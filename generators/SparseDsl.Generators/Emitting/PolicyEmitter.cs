using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators.Emitting;

/// <summary>Writes <c>&lt;Namespace&gt;.&lt;Policy&gt;.Policy.g.cs</c>: the declaration's <c>ISparsityPolicy.Policy</c>.</summary>
internal static class PolicyEmitter
{
    public static string HintName(PolicySpec policy) => policy.Type.HintName(".Policy.g.cs");

    public static string Emit(PolicySpec policy)
    {
        var type = policy.Type;
        var writer = FileHeader.Start(type.Namespace);
        writer.Line("partial " + type.Keyword + " " + type.Name + " : " + Names.ISparsityPolicy);
        using (writer.OpenBlock())
        {
            var description = Literals.Xml(policy.PolicyName) + ": " + policy.Allocation + " at density " + Literals.Double(policy.Density)
                + " (" + Literals.SparsityPercent(policy.Density) + "% sparsity)";
            if (policy.Allocation == Allocation.ErkPlus)
                description += ", classifier at density " + Literals.Double(policy.ClassifierDensity);
            writer.Summary("The declared policy " + description + ".");
            writer.Line("public static " + Names.SparsityPolicy + " Policy { get; } = new " + Names.SparsityPolicy + "("
                + Literals.String(policy.PolicyName) + ", " + Names.Allocation + "." + policy.Allocation + ", "
                + Literals.Double(policy.Density) + ", " + Literals.Double(policy.ClassifierDensity) + ");");
        }
        return writer.ToString();
    }
}
