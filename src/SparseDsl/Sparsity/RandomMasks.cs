using SparseDsl.Torch;
using SparseDsl.Modeling;
using SparseDsl.Randomness;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Sparsity;

/// <summary>
/// Random pruning at initialisation: draws each masked layer's mask for its density and installs it.
/// Positions depend only on (seed, layer name), so a run is reproducible and two layers never share a stream.
/// </summary>
public static class RandomMasks
{
    public static MaskReport Apply(SparseModule model, IReadOnlyList<double> densities, long seed, MaskSampling sampling)
    {
        var layers = model.MaskedLayers;
        if (densities.Count != layers.Count)
            throw new ArgumentException($"{densities.Count} densities given for {layers.Count} masked layers of {model.Info.Name}.", nameof(densities));
        var reports = new List<LayerMaskReport>(layers.Count);
        for (var i = 0; i < layers.Count; i++)
        {
            var (name, layer) = layers[i];
            var shape = layer.weight.shape;
            var values = Draw(shape.Aggregate(1L, (a, b) => a * b), densities[i], DeterministicRandom.For(seed, "mask/" + name), sampling, out var kept);
            using (var scope = NewDisposeScope())
            {
                var mask = torch.tensor(values, shape).to(layer.weight.device);
                layer.SetMask(mask);
            }
            reports.Add(new LayerMaskReport(name, shape, values.LongLength, densities[i], kept));
        }
        return new MaskReport(reports);
    }

    /// <summary>A 0/1 mask of <paramref name="n"/> weights at <paramref name="density"/>.</summary>
    public static float[] Draw(long n, double density, DeterministicRandom random, MaskSampling sampling, out long kept)
    {
        if (density is <= 0 or > 1 || double.IsNaN(density))
            throw new ArgumentOutOfRangeException(nameof(density), density, "density must be in (0, 1]");
        var mask = new float[n];
        if (density >= 1)
        {
            Array.Fill(mask, 1f);
            kept = n;
            return mask;
        }
        kept = 0;
        if (sampling == MaskSampling.Bernoulli)
        {
            for (long i = 0; i < n; i++)
                if (random.NextDouble() < density) { mask[i] = 1f; kept++; }
            return mask;
        }
        // Exact count: the first k positions of a partial Fisher–Yates shuffle.
        var k = (long)Math.Round(density * n, MidpointRounding.AwayFromZero);
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        for (long i = 0; i < k; i++)
        {
            var j = i + random.NextLong(n - i);
            (order[i], order[j]) = (order[j], order[i]);
            mask[order[i]] = 1f;
        }
        kept = k;
        return mask;
    }
}
