namespace SparseDsl.Evaluation;

/// <summary>One confidence bin of a reliability diagram: the samples whose confidence lies in (Lower, Upper].</summary>
public sealed record CalibrationBin(double Lower, double Upper, long Count, double MeanConfidence, double Accuracy)
{
    /// <summary>|accuracy − confidence|: how far the bin is from the diagonal (0 for an empty bin).</summary>
    public double Gap => Count == 0 ? 0 : Math.Abs(Accuracy - MeanConfidence);
}

/// <summary>
/// Expected calibration error (Guo et al., 2017): the confidences (maximum softmax probabilities) are put into
/// equal-width bins (lower, upper] over [0, 1] (a confidence of exactly 0 goes into the first), and
/// ECE = Σ_b (n_b / N) · |accuracy_b − mean confidence_b|.
/// </summary>
public sealed record Calibration(IReadOnlyList<CalibrationBin> Bins, long Count, double Ece)
{
    /// <summary>The paper-standard number of bins.</summary>
    public const int DefaultBins = 15;

    public static Calibration Compute(ReadOnlySpan<float> confidences, ReadOnlySpan<bool> correct, int bins = DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (confidences.Length != correct.Length)
            throw new ArgumentException($"{confidences.Length} confidences but {correct.Length} correctness flags.", nameof(correct));
        var count = new long[bins];
        var confidenceSum = new double[bins];
        var correctCount = new long[bins];
        for (var i = 0; i < confidences.Length; i++)
        {
            double c = confidences[i];
            if (!(c is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(confidences), c, $"confidence {i} is outside [0, 1]");
            var b = BinOf(c, bins);
            count[b]++;
            confidenceSum[b] += c;
            if (correct[i]) correctCount[b]++;
        }
        var n = confidences.Length;
        var result = new CalibrationBin[bins];
        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            var meanConfidence = count[b] == 0 ? 0 : confidenceSum[b] / count[b];
            var accuracy = count[b] == 0 ? 0 : (double)correctCount[b] / count[b];
            result[b] = new CalibrationBin((double)b / bins, (double)(b + 1) / bins, count[b], meanConfidence, accuracy);
            if (count[b] > 0) ece += (double)count[b] / n * Math.Abs(accuracy - meanConfidence);
        }
        return new Calibration(result, n, ece);
    }

    /// <summary>The bin b with b/B &lt; c ≤ (b+1)/B, comparing against the same boundaries the bins report.</summary>
    internal static int BinOf(double c, int bins)
    {
        var b = Math.Clamp((int)Math.Ceiling(c * bins) - 1, 0, bins - 1);
        while (b > 0 && c <= (double)b / bins) b--;
        while (b < bins - 1 && c > (double)(b + 1) / bins) b++;
        return b;
    }
}
