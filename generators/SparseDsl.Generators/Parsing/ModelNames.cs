using Microsoft.CodeAnalysis.CSharp;
using SparseDsl.Generators.Infrastructure;
using SparseDsl.Generators.Specs;

namespace SparseDsl.Generators.Parsing;

/// <summary>Catalog names of models: aliases, and the type names variants get.</summary>
internal static class ModelNames
{
    /// <summary>Adds <paramref name="alias"/> unless it is blank, the type name or already there.</summary>
    public static void AddAlias(string? alias, LocationInfo? location, string typeName, string owner, List<string> aliases, List<NameClaim> claims)
    {
        if (string.IsNullOrWhiteSpace(alias) || alias == typeName || aliases.Contains(alias!)) return;
        aliases.Add(alias!);
        claims.Add(new NameClaim(alias!, owner, location));
    }

    /// <summary>
    /// A variant's default type name: its name in PascalCase, parts split at anything but letters and digits, with an
    /// underscore kept between two numbers: <c>cifar_resnet_56_32</c> → <c>CifarResnet56_32</c>, <c>vgg16</c> → <c>Vgg16</c>.
    /// </summary>
    public static string PascalCase(string name)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var part in name.Split(new[] { ' ', '_', '-', '.' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]) && char.IsDigit(part[0])) builder.Append('_');
            builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }
        return builder.ToString();
    }

    /// <summary>Why <paramref name="typeName"/> cannot be a generated type name, or null.</summary>
    public static string? TypeNameProblem(string typeName)
    {
        if (typeName.Length == 0) return "the name is empty";
        if (!SyntaxFacts.IsValidIdentifier(typeName)) return "it is not a C# identifier";
        if (SyntaxFacts.GetKeywordKind(typeName) != SyntaxKind.None) return "it is a C# keyword";
        return null;
    }
}
