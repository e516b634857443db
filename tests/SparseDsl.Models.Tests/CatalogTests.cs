using SparseDsl.Generated;

namespace SparseDsl.Models.Tests;

/// <summary>The compile-time catalog holds the whole zoo, found by record name and by the official code's names.</summary>
public class CatalogTests
{
    [Fact]
    public void Catalog_holds_exactly_the_zoo()
    {
        var expected = ReferenceCounts.ByName.Keys.Select(n => ModelCatalog.Find(n)!.Name).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, ModelCatalog.All.Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("CifarResnet20", "cifar_resnet_20")]
    [InlineData("CifarResnet20", "cifar_resnet_20_16")]
    [InlineData("CifarResnet56_32", "cifar_resnet_56_32")]
    [InlineData("CifarResnet110_64", "CIFAR_RESNET_110_64")]
    [InlineData("Vgg16", "vgg16")]
    [InlineData("Resnet50", "resnet50")]
    [InlineData("WideResnet50_2", "wide_resnet50_2")]
    [InlineData("WideResNet28_10", "wrn_28_10")]
    [InlineData("LeNet5", "lenet5")]
    [InlineData("Mlp", "mlp")]
    public void Models_are_found_by_record_name_and_official_name(string recordName, string officialName)
    {
        var byOfficial = ModelCatalog.Find(officialName);
        Assert.NotNull(byOfficial);
        Assert.Same(byOfficial, ModelCatalog.Find(recordName));
        Assert.Equal(recordName, byOfficial.Name);
    }

    [Fact]
    public void Families_list_their_variants_in_declaration_order()
    {
        Assert.Equal(25, CifarResNet.Variants.Count);
        Assert.Equal(["Vgg11", "Vgg13", "Vgg16", "Vgg19"], CifarVgg.Variants.Select(v => v.Name));
        Assert.Equal(["Resnet50", "Resnet101", "WideResnet50_2"], ImageNetBottleneckResNet.Variants.Select(v => v.Name));
        Assert.All(CifarResNet.Variants, v => Assert.Same(v.Info, ModelCatalog.Find(v.Name)!.Info));
    }

    [Fact]
    public void Generated_types_expose_the_same_tables_as_the_catalog()
    {
        Assert.Same(CifarResnet56_32.Info, ModelCatalog.Find("cifar_resnet_56_32")!.Info);
        Assert.Same(Vgg16.DensityTables, ModelCatalog.Find("vgg16")!.DensityTables);
        Assert.Equal(["Dense", "Erk90", "Uniform90"], Vgg16.DensityTables.Select(t => t.PolicyName));
    }
}
