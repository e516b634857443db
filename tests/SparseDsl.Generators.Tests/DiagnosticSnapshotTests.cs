using Microsoft.CodeAnalysis;
using SparseDsl.Generators.Tests.Infrastructure;
using SparseDsl.Generators.Tests.Snapshots;

namespace SparseDsl.Generators.Tests;

/// <summary>What a user sees for a file of typical mistakes: every diagnostic with its location and message, against a snapshot.</summary>
public class DiagnosticSnapshotTests
{
    private const string Gallery = """
        using SparseDsl;
        namespace Gallery;

        [Block]
        [Conv2d(64, 1, Bias = false), BatchNorm2d, ReLU]
        [Conv2d(64, 3, Padding = 1, Strided = true, Bias = false), BatchNorm2d, ReLU]
        [Conv2d(256, 1, Bias = false), BatchNorm2d]
        [Residual(Shortcut.Identity)]
        [ReLU]
        public partial record IdentityBottleneck;

        [ModelFamily(3, 32, 32, BaseWidth = 16)]
        [Conv2d(16, 3, Padding = 1, Bias = false), BatchNorm2d, ReLU]
        [Stage(typeof(IdentityBottleneck), 64, Blocks = 2)]
        [GlobalAvgPool, Linear(10)]
        [Variant("identity_net")]
        public partial record ResidualMismatch;

        [SparseModel(1, 28, 28)]
        [Conv2d(6, 5), ReLU]
        [Linear(10)]
        public partial record MissingFlatten;

        [SparseModel(3, 32, 32)]
        [Stage(typeof(string), 16)]
        [GlobalAvgPool, Linear(10)]
        public partial record NotABlock;

        [ModelFamily(1, 28, 28)]
        [Flatten, Linear(300), ReLU, Linear(10)]
        [Variant("third", Width = 0.333)]
        [Variant("deeper", Blocks = 2)]
        public partial record BadVariants;

        [SparseModel(4)]
        [Linear(2)]
        public record NotPartial;

        [SparsityPolicy(Allocation.Erk, 1.5)]
        public partial record TooDense;
        """;

    [Fact]
    public void Gallery_of_mistakes()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Compilation([("/src/Gallery.cs", Gallery)]));
        Assert.Null(result.Exception);
        var lines = result.Diagnostics
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d =>
            {
                var position = d.Location.GetLineSpan().StartLinePosition;
                var text = Gallery.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);
                return $"({position.Line + 1},{position.Character + 1}) {d.Severity.ToString().ToLowerInvariant()} {d.Id} at `{text}`: {d.GetMessage()}";
            });
        Snapshot.VerifyText(string.Join("\n", lines) + "\n");
    }
}
