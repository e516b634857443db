extern alias Generators;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Generators::SparseDsl.Generators;

namespace SparseDsl.Generators.Tests.Infrastructure;

/// <summary>Builds in-memory compilations of declarations and runs <see cref="SparseModelGenerator"/> on them.</summary>
internal static class GeneratorHarness
{
    public const string DeclarationsPath = "/src/Declarations.cs";

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>The shared framework's assemblies: everything in the directory of <c>System.Private.CoreLib</c>.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. trusted
            .Where(p => Path.GetDirectoryName(p) == directory && p.EndsWith(".dll", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    /// <summary>Framework + SparseDsl (attributes, Modeling, Sparsity) + SparseDsl.Torch, as the models project sees them.</summary>
    public static ImmutableArray<MetadataReference> References { get; } =
        [.. Framework.Value,
         MetadataReference.CreateFromFile(typeof(SparseModelAttribute).Assembly.Location),
         MetadataReference.CreateFromFile(typeof(SparseDsl.Torch.torch).Assembly.Location)];

    public static CSharpCompilation Compilation(string declarations) => Compilation([(DeclarationsPath, declarations)]);

    public static CSharpCompilation Compilation(IEnumerable<(string Path, string Text)> sources, ImmutableArray<MetadataReference>? references = null) =>
        CSharpCompilation.Create(
            "SparseDsl.TestModels",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            references ?? References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The sources of models/SparseDsl.Models (the real declarations).</summary>
    public static IReadOnlyList<(string Path, string Text)> ModelsProjectSources() =>
        [.. Directory.GetFiles(RepoPaths.ModelsProject, "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(p => ("/models/" + Path.GetFileName(p), File.ReadAllText(p)))];

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new SparseModelGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    public static GeneratorRunResult Run(Compilation compilation) =>
        CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

    public static GeneratorRunResult Run(string declarations) => Run(Compilation(declarations));

    /// <summary>Runs the generator and returns the compilation with the generated sources added.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) RunAndCompile(Compilation compilation)
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics);
    }

    /// <summary>
    /// Runs the generator, compiles its output against the real runtime (SparseDsl, SparseDsl.Torch), loads the assembly
    /// into a collectible context and returns it; fails the test on any generator diagnostic or compile error.
    /// </summary>
    /// <param name="sources">The declarations.</param>
    /// <param name="toleratedIds">Generator diagnostics a partial compilation expects (e.g. SDSL0041 for a policy naming a model left out).</param>
    public static System.Reflection.Assembly CompileAndLoad(IReadOnlyList<(string Path, string Text)> sources, params string[] toleratedIds)
    {
        var (output, generatorDiagnostics) = RunAndCompile(Compilation(sources));
        Assert.Empty(generatorDiagnostics.Where(d => !toleratedIds.Contains(d.Id)));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        image.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext("GeneratedModels", isCollectible: true).LoadFromStream(image);
    }

    public static string Source(this GeneratorRunResult result, string hintName) =>
        result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
}
