using Microsoft.CodeAnalysis;
using SparseDsl.Generators.Tests.Infrastructure;

namespace SparseDsl.Generators.Tests;

/// <summary>Broken or half-typed declarations: the generator stays quiet where the compiler already complains, and never throws.</summary>
public class RobustnessTests
{
    private static GeneratorRunResult Run(string body) => GeneratorHarness.Run("using SparseDsl;\nnamespace T;\n\n" + body);

    [Fact]
    public void Attribute_on_a_record_struct_generates_nothing()
    {
        var result = Run("[SparseModel(4)]\n[Linear(2)]\npublic partial record struct S;");
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Null_input_shape_is_an_invalid_input_shape()
    {
        var result = Run("[SparseModel(null)]\n[Linear(2)]\npublic partial record M;");
        Assert.Null(result.Exception);
        Assert.Equal("SDSL0004", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Layer_attribute_that_does_not_bind_is_left_to_the_compiler()
    {
        var result = Run("[SparseModel(4)]\n[Linear(\"ten\")]\npublic partial record M;");
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName == "T.M.g.cs");
    }

    [Fact]
    public void Half_typed_attribute_list_does_not_throw()
    {
        var result = Run("[SparseModel(1, 28, 28)]\n[Conv2d(6, 5), ReLU, MaxPool2d(\npublic partial record M;");
        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SDSL0020");
    }
}
