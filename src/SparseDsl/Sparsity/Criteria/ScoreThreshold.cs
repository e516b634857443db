namespace SparseDsl.Sparsity.Criteria;

/// <summary>
/// Global thresholds over all layers' scores, with the comparison each criterion's reference code uses, and the
/// per-layer densities they leave. Scores are host arrays; the k-th value is found by quickselect (linear time), so
/// the 100 rounds of SynFlow stay cheap on large models.
/// </summary>
internal static class ScoreThreshold
{
    /// <summary>
    /// SNIP: keep the ⌊N·d⌋ largest scores (the reference code's count). The reference keeps every score ≥ the
    /// threshold, so ties there would keep more; here exactly that many are kept and tied scores share the remaining
    /// places among layers in proportion to how many each holds.
    /// </summary>
    public static double[] KeepLargest(double[][] scores, double density)
    {
        var total = scores.Sum(s => (long)s.Length);
        var keep = (long)(total * density);
        if (keep < 1)
            throw new InvalidOperationException($"Density {density} of {total} weights keeps no weight; raise the density.");
        return KeepExactly(scores, keep, largest: true);
    }

    /// <summary>
    /// GraSP: remove the ⌊N·(1−d)⌋ largest scores and keep the others. The reference code keeps every score ≤ the
    /// ⌊N·(1−d)⌋-th largest, which keeps that weight too and, when scores tie there (exactly-zero scores of units no
    /// sample activates are common), far more than the budget — 58.5% instead of 50% on LeNet-5 at density 0.5.
    /// Here exactly N − ⌊N·(1−d)⌋ are kept, tied scores sharing the remaining places in proportion.
    /// </summary>
    public static double[] RemoveLargest(double[][] scores, double density)
    {
        var total = scores.Sum(s => (long)s.Length);
        var remove = (long)(total * (1 - density));
        return KeepExactly(scores, total - remove, largest: false);
    }

    /// <summary>
    /// Per-layer densities keeping exactly <paramref name="keep"/> scores, the largest or the smallest. Scores strictly
    /// beyond the threshold are kept; the places left go to the scores equal to it, split between layers in proportion
    /// to their tied counts (largest remainder, earlier layers first on equal remainders).
    /// </summary>
    private static double[] KeepExactly(double[][] scores, long keep, bool largest)
    {
        var all = Concatenate(scores);
        if (keep >= all.Length) return [.. scores.Select(_ => 1.0)];
        var threshold = KthSmallest(all, largest ? all.Length - keep : keep - 1);
        var beyond = scores.Select(layer => (long)layer.Count(s => largest ? s > threshold : s < threshold)).ToArray();
        var tied = scores.Select(layer => (long)layer.Count(s => s == threshold)).ToArray();
        var places = keep - beyond.Sum();
        var tiedTotal = tied.Sum();
        var share = tied.Select(t => places * t / tiedTotal).ToArray();
        var left = places - share.Sum();
        foreach (var l in Enumerable.Range(0, scores.Length).OrderByDescending(l => places * tied[l] % tiedTotal).ThenBy(l => l).Take((int)left))
            share[l]++;
        return [.. scores.Select((layer, l) => layer.Length == 0 ? 0 : (double)(beyond[l] + share[l]) / layer.Length)];
    }

    /// <summary>
    /// SynFlow: prune the ⌊(1−keep)·N⌋ smallest scores, i.e. keep the scores above the k-th smallest (<c>kthvalue</c>,
    /// then <c>score &lt;= threshold</c> pruned), as the SynFlow reference code. Scores tie there mostly at zero: weights
    /// pruned in earlier rounds, and weights cut off from the flow by them, which are rightly pruned too; so the kept
    /// count may fall short of the schedule, never exceed it. Returns the keep flags per layer.
    /// </summary>
    public static bool[][] KeepAboveKthSmallest(double[][] scores, double keepFraction)
    {
        var all = Concatenate(scores);
        var prune = (long)((1 - keepFraction) * all.Length);
        var keep = new bool[scores.Length][];
        if (prune < 1)
        {
            for (var l = 0; l < scores.Length; l++) keep[l] = [.. scores[l].Select(_ => true)];
            return keep;
        }
        var threshold = KthSmallest(all, prune - 1);
        for (var l = 0; l < scores.Length; l++) keep[l] = [.. scores[l].Select(s => s > threshold)];
        return keep;
    }

    /// <summary>The value of rank <paramref name="index"/> (0-based) in ascending order; <paramref name="values"/> is reordered.</summary>
    public static double KthSmallest(double[] values, long index)
    {
        if (index < 0 || index >= values.Length) throw new ArgumentOutOfRangeException(nameof(index));
        var lo = 0;
        var hi = values.Length - 1;
        var k = (int)index;
        while (lo < hi)
        {
            var pivot = MedianOfThree(values[lo], values[lo + (hi - lo) / 2], values[hi]);
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            // Now values[lo..j] <= pivot <= values[i..hi], and anything between equals the pivot.
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return values[k];
        }
        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    private static double[] Concatenate(double[][] scores)
    {
        var all = new double[scores.Sum(s => (long)s.Length)];
        var offset = 0;
        foreach (var layer in scores)
        {
            foreach (var s in layer)
                if (!double.IsFinite(s))
                    throw new InvalidOperationException("A criterion score is not finite (NaN or infinity); the model's scores overflowed or the data holds NaN.");
            layer.CopyTo(all, offset);
            offset += layer.Length;
        }
        return all;
    }
}
