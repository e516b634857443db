using SparseDsl.Evaluation;

namespace SparseDsl.Tests.Evaluation;

public class PredictionAccumulatorTests
{
    private static Tensor LogitsOf(params double[][] probabilities) =>
        torch.tensor(probabilities.SelectMany(p => p.Select(v => (float)Math.Log(v))).ToArray(), [probabilities.Length, probabilities[0].Length]);

    [Fact]
    public void Top1_nll_and_calibration_of_a_hand_computed_case_over_two_batches()
    {
        using var scope = NewDisposeScope();
        using var accumulator = new PredictionAccumulator(classes: 3, CPU);
        // Softmax of log p is p. Sample 1: p = (.5, .25, .25), target 0 → right, NLL ln 2, confidence .5.
        accumulator.Add(LogitsOf([0.5, 0.25, 0.25]), torch.tensor(new long[] { 0 }));
        // Sample 2: (.15, .55, .3), target 2 → wrong (predicts 1), NLL −ln .3, confidence .55.
        // Sample 3: (.225, .225, .55), target 2 → right, NLL −ln .55, confidence .55.
        accumulator.Add(LogitsOf([0.15, 0.55, 0.3], [0.225, 0.225, 0.55]), torch.tensor(new long[] { 2, 2 }));

        var metrics = accumulator.Finish();

        Assert.Equal(3, metrics.Count);
        Assert.Equal(2.0 / 3, metrics.Top1, 1e-12);
        Assert.Null(metrics.Top5); // 3 classes: no top-5
        Assert.Equal((Math.Log(2) - Math.Log(0.3) - Math.Log(0.55)) / 3, metrics.Nll, 1e-6);
        Assert.Equal([0.5f, 0.55f, 0.55f], metrics.Confidences.Select(c => MathF.Round(c, 5)));
        // Bin 7 (7/15, 8/15]: confidence .5, accuracy 1; bin 8 (8/15, 9/15]: confidence .55, accuracy ½.
        // ECE = 1/3 · 0.5 + 2/3 · 0.05 = 0.2.
        Assert.Equal(1, metrics.Calibration.Bins[7].Count);
        Assert.Equal(2, metrics.Calibration.Bins[8].Count);
        Assert.Equal(0.2, metrics.Calibration.Ece, 1e-6);
    }

    [Fact]
    public void Top5_counts_the_target_among_the_five_highest_logits_with_more_than_10_classes()
    {
        using var scope = NewDisposeScope();
        using var accumulator = new PredictionAccumulator(classes: 12, CPU);
        // Logits 0..11: the five highest are classes 11, 10, 9, 8, 7.
        var logits = torch.arange(0, 12, dtype: ScalarType.Float32).unsqueeze(0).repeat(2, 1);
        accumulator.Add(logits, torch.tensor(new long[] { 7, 6 }));

        var metrics = accumulator.Finish();

        Assert.Equal(0, metrics.Top1);
        Assert.Equal(0.5, metrics.Top5);
    }

    [Fact]
    public void Logits_of_the_wrong_width_are_refused_and_no_samples_is_an_error()
    {
        using var scope = NewDisposeScope();
        using var accumulator = new PredictionAccumulator(classes: 3, CPU);
        Assert.Throws<ArgumentException>(() => accumulator.Add(torch.zeros(2, 4), torch.zeros([2], ScalarType.Int64)));
        Assert.Throws<InvalidOperationException>(() => accumulator.Finish());
    }
}
