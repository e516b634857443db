using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Tests.Infrastructure;

namespace SparseDsl.Generators.Tests;

/// <summary>
/// The generator never throws: 1,000 declarations derived from the zoo by random edits (numbers and strings
/// replaced, attributes and arguments deleted, duplicated or reordered, types swapped, <c>partial</c> dropped), drawn
/// deterministically from a seed, produce diagnostics or code but never an exception or SDSL0020.
/// </summary>
public class FuzzTests
{
    private const int Samples = 1000;

    private static readonly string[] IntegerReplacements = ["0", "-1", "1", "2", "3", "7", "64", "1000", "100000", "int.MaxValue", "int.MinValue"];
    private static readonly string[] DoubleReplacements = ["0.0", "-0.5", "0.5", "1.0", "1.5", "1e300", "double.NaN", "double.PositiveInfinity", "0.333"];
    private static readonly string[] StringReplacements = ["\"\"", "\" \"", "\"1net\"", "\"class\"", "\"mlp\"", "\"lenet5\"", "\"a.b\"", "null"];
    private static readonly string[] TypeReplacements = ["typeof(string)", "typeof(LeNet5)", "typeof(Bottleneck)", "typeof(WideBasicBlock)", "typeof(ConvBatchNormReLU)", "null"];

    [Fact]
    public void One_thousand_mutated_zoo_declarations_never_make_the_generator_throw()
    {
        var sources = GeneratorHarness.ModelsProjectSources();
        // Each sample edits one file of the zoo, compiled with what its declarations need (the blocks; the policies go
        // with the smallest model, so that their tables are computed without multiplying the work by every model);
        // one driver per file throughout, as in an editor, so what an edit does not touch stays cached.
        (string Path, string Text) File(string name) => sources.Single(s => s.Path.EndsWith("/" + name, StringComparison.Ordinal));
        var companions = new Dictionary<string, (string, string)[]>
        {
            [File("Blocks.cs").Path] = [File("WideResNet.cs")],
            [File("Policies.cs").Path] = [File("LeNet5.cs")],
            [File("LeNet5.cs").Path] = [File("Policies.cs")],
        };
        var originals = sources.Select(s => GeneratorHarness.Compilation(
            [s, .. companions.TryGetValue(s.Path, out var with) ? with : [File("Blocks.cs")]])).ToArray();
        var drivers = sources.Select(_ => GeneratorHarness.CreateDriver()).ToArray();
        var random = new Random(20220202);
        var failures = new List<string>();
        var withDiagnostics = 0;
        for (var sample = 0; sample < Samples; sample++)
        {
            var file = random.Next(sources.Count);
            var text = sources[file].Text;
            var edits = new List<string>();
            for (var m = 1 + random.Next(3); m > 0; m--)
            {
                var (mutated, edit) = Mutate(text, random);
                text = mutated;
                edits.Add(edit);
            }
            var tree = originals[file].SyntaxTrees.Single(t => t.FilePath == sources[file].Path);
            var compilation = originals[file].ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, tree.FilePath));
            drivers[file] = drivers[file].RunGenerators(compilation);
            var result = drivers[file].GetRunResult().Results.Single();
            if (result.Diagnostics.Length > 0) withDiagnostics++;
            var failure = result.Exception?.ToString() ?? result.Diagnostics.FirstOrDefault(d => d.Id == "SDSL0020")?.GetMessage();
            if (failure != null) failures.Add($"sample {sample}, {sources[file].Path}: {string.Join("; ", edits)} → {failure}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
        // The mutations do break declarations (most samples get diagnostics), so the generator's error paths were exercised.
        Assert.True(withDiagnostics > Samples / 2, $"only {withDiagnostics} of {Samples} samples had diagnostics");
    }

    /// <summary>One random edit of <paramref name="text"/> and a description of it.</summary>
    private static (string Text, string Edit) Mutate(string text, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions).GetRoot();
        var lists = root.DescendantNodes().OfType<AttributeListSyntax>().ToList();
        var attributes = root.DescendantNodes().OfType<AttributeSyntax>().ToList();
        var arguments = root.DescendantNodes().OfType<AttributeArgumentSyntax>().ToList();
        var literals = root.DescendantNodes().OfType<LiteralExpressionSyntax>().ToList();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            switch (random.Next(9))
            {
                case 0 when literals.Any(l => l.IsKind(SyntaxKind.NumericLiteralExpression)):
                {
                    var literal = Pick(literals.Where(l => l.IsKind(SyntaxKind.NumericLiteralExpression)).ToList(), random);
                    var pool = literal.Token.Value is double ? DoubleReplacements : IntegerReplacements;
                    return Replace(text, literal.Span, Pick(pool, random), "number");
                }
                case 1 when literals.Any(l => l.IsKind(SyntaxKind.StringLiteralExpression)):
                    return Replace(text, Pick(literals.Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).ToList(), random).Span,
                        Pick(StringReplacements, random), "string");
                case 2 when attributes.Count > 0:
                {
                    var attribute = Pick(attributes, random);
                    var list = (AttributeListSyntax)attribute.Parent!;
                    return list.Attributes.Count == 1
                        ? Replace(text, list.FullSpan, "", "delete attribute list")
                        : Replace(text, list.Span, "[" + string.Join(", ", list.Attributes.Where(a => a != attribute)) + "]", "delete attribute");
                }
                case 3 when lists.Count > 1:
                {
                    var i = random.Next(lists.Count - 1);
                    var (first, second) = (lists[i], lists[i + 1]);
                    if (first.Parent != second.Parent) continue;
                    var swapped = text.Substring(0, first.Span.Start) + second + text.Substring(first.Span.End, second.Span.Start - first.Span.End)
                        + first + text.Substring(second.Span.End);
                    return (swapped, "swap attribute lists");
                }
                case 4 when lists.Count > 0:
                {
                    var list = Pick(lists, random);
                    return Replace(text, list.Span, list + "\n" + list, "duplicate attribute list");
                }
                case 5 when arguments.Count > 0:
                {
                    var argument = Pick(arguments, random);
                    var argumentList = (AttributeArgumentListSyntax)argument.Parent!;
                    return Replace(text, argumentList.Span, "(" + string.Join(", ", argumentList.Arguments.Where(a => a != argument)) + ")", "delete argument");
                }
                case 6 when root.DescendantNodes().OfType<TypeOfExpressionSyntax>().Any():
                    return Replace(text, Pick(root.DescendantNodes().OfType<TypeOfExpressionSyntax>().ToList(), random).Span,
                        Pick(TypeReplacements, random), "type");
                case 7 when root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.PartialKeyword)):
                    return Replace(text, Pick(root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.PartialKeyword)).ToList(), random).Span, "", "drop partial");
                case 8 when attributes.Count > 0:
                {
                    // Move an attribute to another list: reorders layers within and across lists.
                    var attribute = Pick(attributes, random);
                    var target = Pick(lists, random);
                    var list = (AttributeListSyntax)attribute.Parent!;
                    if (target == list || list.Attributes.Count == 1) continue;
                    var withoutIt = "[" + string.Join(", ", list.Attributes.Where(a => a != attribute)) + "]";
                    var moved = "[" + string.Join(", ", target.Attributes.Append(attribute)) + "]";
                    var (a, b) = list.Span.Start < target.Span.Start ? ((list.Span, withoutIt), (target.Span, moved)) : ((target.Span, moved), (list.Span, withoutIt));
                    return (text.Substring(0, a.Item1.Start) + a.Item2 + text.Substring(a.Item1.End, b.Item1.Start - a.Item1.End) + b.Item2 + text.Substring(b.Item1.End),
                        "move attribute");
                }
            }
        }
        return (text, "none");
    }

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];

    private static (string, string) Replace(string text, Microsoft.CodeAnalysis.Text.TextSpan span, string replacement, string edit) =>
        (text.Substring(0, span.Start) + replacement + text.Substring(span.End), edit + " → " + (replacement.Length > 40 ? replacement[..40] + "…" : replacement));
}
