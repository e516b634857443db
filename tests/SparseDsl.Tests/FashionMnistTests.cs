using SparseDsl.Data;

namespace SparseDsl.Tests;

public class FashionMnistTests
{
    [Fact]
    public void Loads_the_real_dataset_from_debian_package()
    {
        var (train, test) = FashionMnist.Load();
        Assert.Equal(60000, train.Count);
        Assert.Equal(10000, test.Count);
        Assert.Equal(28 * 28, train.ImageSize);
        Assert.Equal(28 * 28 * 60000, train.Pixels.Length);
        // Every class is present in equal number (Fashion-MNIST is balanced: 6000 per class).
        Assert.All(train.Labels.GroupBy(l => l), g => Assert.Equal(6000, g.Count()));
    }

    [Fact]
    public void Missing_directory_says_how_to_install()
    {
        var e = Assert.Throws<DataFormatException>(() => FashionMnist.Load("/nonexistent/fmnist"));
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void Validation_split_is_deterministic_disjoint_and_complete()
    {
        var data = new ImageDataset("t", [.. Enumerable.Range(0, 100).Select(i => (byte)i)], [.. Enumerable.Range(0, 100).Select(i => (byte)(i % 10))],
            1, 1, 1, 10, [0.5], [0.5]);
        var (train, validation) = data.Split(0.1, seed: 17);
        var (train2, validation2) = data.Split(0.1, seed: 17);
        Assert.Equal(10, validation.Count);
        Assert.Equal(90, train.Count);
        Assert.Equal(validation.Pixels, validation2.Pixels);
        Assert.Equal(train.Pixels, train2.Pixels);
        Assert.Empty(train.Pixels.Intersect(validation.Pixels));
        Assert.Equal(100, train.Pixels.Union(validation.Pixels).Count());
    }
}
