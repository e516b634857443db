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
        Assert.Equal(["Dense", "Erk90", "Erk90StemDense", "Uniform90", "Uniform95Classifier20"], Vgg16.DensityTables.Select(t => t.PolicyName));
    }

    [Fact]
    public void Declared_policies_are_found_by_name_ignoring_case_with_their_rules_and_models()
    {
        var stemDense = ModelCatalog.FindPolicy("erk90stemdense");
        Assert.Same(Erk90StemDense.Policy, stemDense);
        Assert.Equal(["first"], stemDense!.Rules.KeepDense);
        Assert.Equal(["lenet5", "vgg16"], stemDense.Models);
        Assert.False(stemDense.AppliesTo(Mlp.Info));
        Assert.Null(Mlp.DensityTables.FirstOrDefault(t => t.PolicyName == "Erk90StemDense"));

        var handpicked = LeNet5.DensityTables.Single(t => t.PolicyName == "LeNet5Handpicked");
        Assert.Equal([1.0, 0.3, 0.05, 0.1, 0.5], handpicked.Densities);
        // Explicit: the table's density is the one its layers imply.
        Assert.Equal((150 + 0.3 * 2400 + 0.05 * 48000 + 0.1 * 10080 + 0.5 * 840) / 61470, handpicked.Density, 1e-15);

        var classifier20 = Vgg16.DensityTables.Single(t => t.PolicyName == "Uniform95Classifier20");
        Assert.Equal(0.2, classifier20.Densities[^1]);
        var kept = Vgg16.Info.PrunableLayers.Select((l, i) => classifier20.Densities[i] * l.WeightCount).Sum();
        Assert.Equal(0.05 * Vgg16.Info.PrunableWeightCount, kept, 1e-6);
    }
}
