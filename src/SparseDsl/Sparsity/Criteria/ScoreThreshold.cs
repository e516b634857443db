namespace SparseDsl.Sparsity.Criteria;

/// <summary>
/// Global thresholds over all layers' scores, with the comparison each criterion's reference code uses, and the
/// per-layer densities they leave. Scores are host arrays; the k-th value is found by quickselect (linear time), so
/// the 100 rounds of SynFlow stay cheap on large models.
/// </summary>
internal static class ScoreThreshold
{
    /// <summary>SNIP: keep the scores ≥ the ⌊N·d⌋-th largest (ties kept, as <c>topk</c> then <c>&gt;=</c>).</summary>
    public static double[] KeepLargest(double[][] scores, double density)
    {
        var all = Concatenate(scores);
        var keep = (long)(all.Length * density);
        if (keep < 1)
            throw new InvalidOperationException($"Density {density} of {all.Length} weights keeps no weight; raise the density.");
        var threshold = KthSmallest(all, all.Length - keep);
        return Densities(scores, s => s >= threshold);
    }

    /// <summary>
    /// GraSP: the threshold is the ⌊N·(1−d)⌋-th largest score and the scores ≤ it are kept (<c>topk</c> then <c>&lt;=</c>,
    /// as the reference code does, so the threshold weight itself stays).
    /// </summary>
    public static double[] RemoveLargest(double[][] scores, double density)
    {
        var all = Concatenate(scores);
        var remove = (long)(all.Length * (1 - density));
        if (remove < 1) return Densities(scores, _ => true);
        var threshold = KthSmallest(all, all.Length - remove);
        return Densities(scores, s => s <= threshold);
    }

    /// <summary>
    /// SynFlow: prune the ⌊(1−keep)·N⌋ smallest scores, i.e. keep the scores above the k-th smallest (<c>kthvalue</c>,
    /// then <c>score &lt;= threshold</c> pruned). Returns the keep flags per layer.
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

    private static double[] Densities(double[][] scores, Func<double, bool> kept) =>
        [.. scores.Select(layer => layer.Length == 0 ? 0 : (double)layer.Count(kept) / layer.Length)];

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
