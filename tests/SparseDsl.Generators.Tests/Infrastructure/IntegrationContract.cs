using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SparseDsl.Modeling;

namespace SparseDsl.Generators.Tests.Infrastructure;

/// <summary>
/// What generated model code needs to compile. The module layer (SparseModule, MaskedConv2d, MaskedLinear,
/// BatchNorm modules, torch.nn.functional) lands with other branches; until SparseDsl contains SparseModule, the
/// <see cref="Surface"/> below stands in for it so the generated code can still be compiled and its Info read.
/// The signatures in it are the contract the generator writes against; once the real types exist the same tests
/// compile against them instead.
/// </summary>
internal static class IntegrationContract
{
    /// <summary>True once src/SparseDsl holds the real module layer (and with it ISparseModel and ModelEntry).</summary>
    public static bool RuntimeHasModuleLayer { get; } = typeof(ModelInfo).Assembly.GetType("SparseDsl.Modeling.SparseModule") != null;

    /// <summary>The members generated code calls, with the argument lists it passes.</summary>
    public const string Surface = """
        namespace SparseDsl.Torch
        {
            public static partial class torch
            {
                public sealed class Tensor
                {
                    public Tensor flatten(long startDim) => this;
                }

                public static partial class nn
                {
                    public abstract class Module(string name)
                    {
                        public string name { get; } = name;
                        public bool training { get; set; } = true;
                    }

                    public abstract class Module<T, TResult>(string name) : Module(name)
                    {
                        public abstract TResult forward(T input);
                    }

                    public static class functional
                    {
                        public static Tensor relu(Tensor x) => x;
                        public static Tensor max_pool2d(Tensor x, long kernel, long stride, long padding) => x;
                        public static Tensor avg_pool2d(Tensor x, long kernel, long stride, long padding) => x;
                        public static Tensor adaptive_avg_pool2d(Tensor x, long outputSize) => x;
                        public static Tensor dropout(Tensor x, double p, bool training) => x;
                    }
                }
            }
        }

        namespace SparseDsl.Torch.Modules
        {
            public sealed class BatchNorm2d(long features, double eps, double momentum) : torch.nn.Module<torch.Tensor, torch.Tensor>("BatchNorm2d")
            {
                public override torch.Tensor forward(torch.Tensor x) => x;
            }

            public sealed class BatchNorm1d(long features, double eps, double momentum) : torch.nn.Module<torch.Tensor, torch.Tensor>("BatchNorm1d")
            {
                public override torch.Tensor forward(torch.Tensor x) => x;
            }
        }

        namespace SparseDsl.Modeling
        {
            using SparseDsl.Torch;

            public abstract class SparseModule(string name, ModelInfo info) : torch.nn.Module<torch.Tensor, torch.Tensor>(name)
            {
                public ModelInfo Info { get; } = info;
                protected T Register<T>(string name, T module) where T : torch.nn.Module => module;
            }

            public sealed class MaskedConv2d(long inChannels, long outChannels, long kernel, long stride, long padding, long dilation, long groups, bool bias)
                : torch.nn.Module<torch.Tensor, torch.Tensor>("MaskedConv2d")
            {
                public override torch.Tensor forward(torch.Tensor x) => x;
            }

            public sealed class MaskedLinear(long inFeatures, long outFeatures, bool bias) : torch.nn.Module<torch.Tensor, torch.Tensor>("MaskedLinear")
            {
                public override torch.Tensor forward(torch.Tensor x) => x;
            }
        }
        """;

    /// <summary>
    /// A compilation of <paramref name="sources"/> that generated code can compile in: against the real runtime when it
    /// has the module layer, else with <see cref="Surface"/>, ISparseModel.cs and ModelEntry.cs added.
    /// </summary>
    public static Compilation Compilation(IReadOnlyList<(string Path, string Text)> sources)
    {
        if (RuntimeHasModuleLayer) return GeneratorHarness.Compilation(sources);
        (string, string)[] contract =
        [
            // The SDK's implicit usings, which ISparseModel.cs and ModelEntry.cs rely on.
            ("/contract/GlobalUsings.cs", "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n"),
            ("/contract/Surface.cs", Surface),
            ("/contract/ISparseModel.cs", File.ReadAllText(Path.Combine(RepoPaths.Modeling, "ISparseModel.cs"))),
            ("/contract/ModelEntry.cs", File.ReadAllText(Path.Combine(RepoPaths.Modeling, "ModelEntry.cs"))),
        ];
        return GeneratorHarness.Compilation([.. sources, .. contract], GeneratorHarness.ReferencesWithoutTorch);
    }

    public static ImmutableArray<Diagnostic> Errors(Compilation compilation) =>
        [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
}
