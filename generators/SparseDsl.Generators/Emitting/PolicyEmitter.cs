using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Parsing;
using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators.Emitting;

/// <summary>Writes <c>&lt;Namespace&gt;.&lt;Policy&gt;.Policy.g.cs</c>: the declaration's <c>ISparsityPolicy.Policy</c>, with its rules and models.</summary>
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
            writer.Summary("The declared policy " + Describe(policy) + ".");
            var creation = "public static " + Names.SparsityPolicy + " Policy { get; } = new " + Names.SparsityPolicy + "("
                + Literals.String(policy.PolicyName) + ", " + Names.Allocation + "." + policy.Allocation + ", "
                + Literals.Double(policy.Density) + ", " + Literals.Double(policy.ClassifierDensity) + ")";
            if (policy.Rules.Count == 0 && policy.Models.Count == 0)
                writer.Line(creation + ";");
            else
            {
                writer.Line(creation);
                using (writer.OpenBlock("};"))
                {
                    if (policy.Rules.Count > 0) WriteRules(writer, policy);
                    if (policy.Models.Count > 0) writer.Line("Models = " + Literals.StringArray(policy.Models) + ",");
                }
            }
        }
        return writer.ToString();
    }

    /// <summary><c>Rules = new LayerRules(keepDense: [...], densities: new Dictionary { ["fc1"] = 0.2 })</c>, in declaration order.</summary>
    private static void WriteRules(SourceWriter writer, PolicySpec policy)
    {
        var keepDense = policy.Rules.Where(r => r.KeepDense).Select(r => r.Selector).ToList();
        // Equal duplicates are harmless in the declaration but would be a duplicate key in the dictionary.
        var densities = policy.Rules.Where(r => !r.KeepDense).GroupBy(r => r.Selector).Select(g => g.First()).ToList();
        var arguments = new List<string>();
        if (keepDense.Count > 0) arguments.Add("keepDense: " + Literals.StringArray(keepDense));
        if (densities.Count > 0)
            arguments.Add("densities: new " + Names.DensityDictionary + " { "
                + string.Join(", ", densities.Select(r => "[" + Literals.String(r.Selector) + "] = " + Literals.Double(r.Density))) + " }");
        writer.Line("Rules = new " + Names.LayerRules + "(" + string.Join(", ", arguments) + "),");
    }

    private static string Describe(PolicySpec policy)
    {
        var description = Literals.Xml(policy.PolicyName) + ": " + policy.Allocation;
        if (policy.Allocation == Allocation.Explicit)
            description += " (every layer's density from its rules)";
        else
            description += " at density " + Literals.Double(policy.Density) + " (" + Literals.SparsityPercent(policy.Density) + "% sparsity)";
        if (policy.Allocation == Allocation.ErkPlus)
            description += ", classifier at density " + Literals.Double(policy.ClassifierDensity);
        foreach (var rule in policy.Rules) description += ", " + Literals.Xml(PolicyRuleReader.Describe(rule));
        if (policy.Models.Count > 0) description += "; for " + Literals.Xml(string.Join(", ", policy.Models)) + " only";
        return description;
    }
}
