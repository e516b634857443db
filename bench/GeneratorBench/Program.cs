extern alias Generators;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Generators::SparseDsl.Generators;

// Whole-zoo generation time: the generator run alone (parsing and binding of the sources excluded), median of repeats.
var repeats = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
var modelsDirectory = Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "..", "models", "SparseDsl.Models"));
var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
var trees = Directory.GetFiles(modelsDirectory, "*.cs").Order(StringComparer.Ordinal)
    .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path)).ToArray();
var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
var references = Directory.GetFiles(runtimeDirectory, "*.dll")
    .Where(p => !p.Contains("Native", StringComparison.Ordinal))
    .Select(p => { try { return (MetadataReference?)MetadataReference.CreateFromFile(p); } catch (BadImageFormatException) { return null; } })
    .OfType<MetadataReference>()
    .Append(MetadataReference.CreateFromFile(typeof(SparseDsl.SparseModelAttribute).Assembly.Location))
    .Append(MetadataReference.CreateFromFile(typeof(SparseDsl.Torch.torch).Assembly.Location))
    .ToArray();
var compilation = CSharpCompilation.Create("Zoo", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
compilation.GetDiagnostics(); // bind once, as the compiler has before generators run
var unrelated = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; static class Edit { static int F() => 1; }", parseOptions));

GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create([new SparseModelGenerator().AsSourceGenerator()], parseOptions: parseOptions);

// Warm up (JIT), and check the zoo generates cleanly.
var first = NewDriver().RunGenerators(compilation).GetRunResult();
if (first.Diagnostics.Length > 0 || first.Results[0].Exception != null)
    throw new InvalidOperationException("The zoo does not generate cleanly: " + string.Join("; ", first.Diagnostics));
var files = first.GeneratedTrees.Length;
var characters = first.GeneratedTrees.Sum(t => t.Length);

var fresh = new List<double>();
var incremental = new List<double>();
for (var i = 0; i < repeats; i++)
{
    // Start each run from a clean heap, so that one run does not pay for the previous run's garbage.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var watch = Stopwatch.StartNew();
    var driver = NewDriver().RunGenerators(compilation);
    fresh.Add(watch.Elapsed.TotalMilliseconds);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    watch.Restart();
    driver.RunGenerators(unrelated);
    incremental.Add(watch.Elapsed.TotalMilliseconds);
}

Console.WriteLine($"zoo: {trees.Length} source files → {files} generated files, {characters:N0} characters");
Console.WriteLine($"whole-zoo generation, fresh driver:       median {Median(fresh):F1} ms (min {fresh.Min():F1}, max {fresh.Max():F1}) over {repeats} runs");
Console.WriteLine($"after an unrelated edit (incremental):    median {Median(incremental):F1} ms (min {incremental.Min():F1}, max {incremental.Max():F1}) over {repeats} runs");

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
