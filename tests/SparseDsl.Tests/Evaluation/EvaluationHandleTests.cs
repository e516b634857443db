using SparseDsl.Data;
using SparseDsl.Evaluation;
using SparseDsl.Generated;

namespace SparseDsl.Tests.Evaluation;

/// <summary>Every tensor the evaluation paths make is freed deterministically (process-wide counter: runs alone).</summary>
[Collection(nameof(SerialCollection))]
public class EvaluationHandleTests
{
    [Fact]
    public void Metrics_ood_scores_and_attacks_free_every_tensor_they_make()
    {
        manual_seed(1);
        using var model = ModelCatalog.Find("mlp")!.Create();
        var pixels = new byte[40 * 28 * 28];
        new Random(3).NextBytes(pixels);
        var labels = Enumerable.Range(0, 40).Select(i => (byte)(i % 10)).ToArray();
        using var data = new DeviceBatches(new ImageDataset("random", pixels, labels, 1, 28, 28, 10, [0.3], [0.35]), CPU);
        var normalization = InputNormalization.Of(data);
        var handles = ImageFolderTests.SettledLiveTensorHandles();

        var metrics = MetricsEvaluator.Evaluate(model, data, batchSize: 16);
        var noise = MetricsEvaluator.MaxSoftmaxScores(model, new NoiseBatches(NoiseKind.Gaussian, 40, [1, 28, 28], normalization, CPU, 10), batchSize: 16);
        var flipped = MetricsEvaluator.MaxSoftmaxScores(model, new VerticalFlipBatches(data), batchSize: 16);
        var robust = Adversarial.Evaluate(model, data, new AdversarialAttack(AttackKind.Pgd, 0.1, Steps: 2), normalization, batchSize: 16);

        Assert.Equal(handles, LiveTensorHandles);
        Assert.Equal(40, metrics.Confidences.Length);
        Assert.Equal(40, noise.Length);
        Assert.Equal(40, flipped.Length);
        Assert.Equal(40, robust.Count);
    }
}
