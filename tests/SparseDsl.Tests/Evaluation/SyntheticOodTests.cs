using SparseDsl.Evaluation;

namespace SparseDsl.Tests.Evaluation;

public class SyntheticOodTests
{
    private static readonly InputNormalization Grey = new([0.5], [0.25]);

    private static float[] AllPixels(Data.IBatchSource source, int batchSize)
    {
        using var scope = NewDisposeScope();
        var pixels = new List<float>();
        foreach (var (input, _) in source.Epoch(batchSize, shuffle: false, seed: 0, epoch: 0))
            pixels.AddRange(Grey.ToPixels(input).data<float>());
        return [.. pixels];
    }

    [Fact]
    public void Noise_sets_have_the_count_and_the_distribution_they_name_and_repeat_exactly()
    {
        var uniform = new NoiseBatches(NoiseKind.Uniform, 300, [1, 4, 4], Grey, CPU, classes: 10, seed: 3);
        var gaussian = new NoiseBatches(NoiseKind.Gaussian, 300, [1, 4, 4], Grey, CPU, classes: 10, seed: 3);

        var u = AllPixels(uniform, 128);
        var g = AllPixels(gaussian, 128);

        Assert.Equal(300 * 16, u.Length);
        Assert.All(u, p => Assert.InRange(p, -1e-6f, 1 + 1e-6f));
        Assert.All(g, p => Assert.InRange(p, -1e-6f, 1 + 1e-6f));
        Assert.Equal(0.5, u.Average(), 0.02);
        Assert.Equal(0.5, g.Average(), 0.02);
        // Standard deviation: uniform 1/√12 ≈ 0.289; the Gaussian's 0.25 shrinks a little by clipping (≈ 0.24).
        Assert.Equal(0.289, Math.Sqrt(u.Average(p => (p - 0.5) * (p - 0.5))), 0.02);
        Assert.Equal(0.24, Math.Sqrt(g.Average(p => (p - 0.5) * (p - 0.5))), 0.02);
        Assert.Equal(u, AllPixels(uniform, 128));
    }

    [Fact]
    public void Vertical_flip_reverses_the_rows_and_keeps_the_columns()
    {
        using var scope = NewDisposeScope();
        var image = torch.arange(0, 6, dtype: ScalarType.Float32).reshape(1, 1, 3, 2); // rows (0 1) (2 3) (4 5)
        var flipped = VerticalFlipBatches.Flip(image);
        Assert.Equal([4f, 5f, 2f, 3f, 0f, 1f], flipped.data<float>());
    }
}
