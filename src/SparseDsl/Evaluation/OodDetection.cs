namespace SparseDsl.Evaluation;

/// <summary>
/// How well a score separates in-distribution samples (positives) from out-of-distribution ones (negatives), a higher
/// score meaning "more in-distribution" (the maximum softmax probability baseline of Hendrycks &amp; Gimpel, 2017).
/// </summary>
/// <param name="Auroc">Area under the ROC curve: P(s_in &gt; s_out) + ½·P(s_in = s_out) (ties count one half).</param>
/// <param name="FprAt95Tpr">
/// The share of OoD samples accepted at the threshold that accepts 95% of the in-distribution ones: with the in-distribution
/// scores sorted from high to low, the threshold t is the ⌈0.95·n⌉-th, and FPR = |{s_out ≥ t}| / m.
/// </param>
/// <param name="InCount">In-distribution samples scored.</param>
/// <param name="OutCount">OoD samples scored.</param>
public sealed record OodDetection(double Auroc, double FprAt95Tpr, int InCount, int OutCount)
{
    public const double TargetTpr = 0.95;

    public static OodDetection Compute(ReadOnlySpan<float> inScores, ReadOnlySpan<float> outScores)
    {
        if (inScores.IsEmpty || outScores.IsEmpty)
            throw new ArgumentException($"OoD detection needs scores on both sides ({inScores.Length} in-distribution, {outScores.Length} OoD).");
        var positives = inScores.ToArray();
        var negatives = outScores.ToArray();
        if (positives.Any(float.IsNaN) || negatives.Any(float.IsNaN)) throw new ArgumentException("OoD scores contain NaN.");
        Array.Sort(positives);
        Array.Sort(negatives);
        return new OodDetection(AreaUnderRoc(positives, negatives), FprAtTpr(positives, negatives, TargetTpr), positives.Length, negatives.Length);
    }

    /// <summary>Mann–Whitney U / (n·m), walking both sorted lists once: each positive counts the negatives below it, and half of those equal.</summary>
    private static double AreaUnderRoc(float[] positives, float[] negatives)
    {
        double wins = 0;
        int below = 0, belowOrEqual = 0;
        foreach (var p in positives)
        {
            while (below < negatives.Length && negatives[below] < p) below++;
            if (belowOrEqual < below) belowOrEqual = below;
            while (belowOrEqual < negatives.Length && negatives[belowOrEqual] <= p) belowOrEqual++;
            wins += below + 0.5 * (belowOrEqual - below);
        }
        return wins / ((double)positives.Length * negatives.Length);
    }

    private static double FprAtTpr(float[] positivesAscending, float[] negativesAscending, double tpr)
    {
        var n = positivesAscending.Length;
        // The k-th highest positive, k = ⌈tpr·n⌉ (computed in decimal steps so 0.95·20 is 19, not 19.000000000000004).
        var k = (int)Math.Ceiling(Math.Round(tpr * n, 9));
        var threshold = positivesAscending[n - Math.Max(k, 1)];
        var accepted = negativesAscending.Length - LowerBound(negativesAscending, threshold);
        return (double)accepted / negativesAscending.Length;
    }

    /// <summary>The index of the first element ≥ <paramref name="value"/>.</summary>
    private static int LowerBound(float[] sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
