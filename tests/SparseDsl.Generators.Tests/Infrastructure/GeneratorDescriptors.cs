extern alias Generators;
using Microsoft.CodeAnalysis;
using Generators::SparseDsl.Generators;

namespace SparseDsl.Generators.Tests.Infrastructure;

/// <summary>The generator's diagnostic catalog, read by reflection.</summary>
internal static class GeneratorDescriptors
{
    public static IReadOnlyList<DiagnosticDescriptor> All() =>
        [.. typeof(DiagnosticDescriptors).GetFields()
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)];

    public static IReadOnlyList<string> Ids() => [.. All().Select(d => d.Id)];
}
