using System.Globalization;

namespace SparseDsl.Sparsity;

/// <summary>
/// Layer-wise densities for a global density, exactly as the official Random_Pruning code defines them
/// (see <see cref="Allocation"/>). Pure arithmetic with no dependency beyond the BCL, so the source generator compiles this
/// file too and the tables it writes at compile time are the ones run-time sweeps compute.
/// </summary>
public static class DensityAllocator
{
    /// <summary>Uniform+ keeps the classifier at this density when the global density is below it.</summary>
    public const double UniformPlusClassifierDensity = 0.2;

    /// <summary>
    /// Spreads <paramref name="density"/> (kept weights / all prunable weights) over the layers.
    /// </summary>
    /// <param name="allocation">The allocation rule.</param>
    /// <param name="weightShapes">Prunable weight shapes in forward order, <c>[out, in, kh, kw]</c> or <c>[out, in]</c>;
    /// the first is the first layer (stem), the last the classifier.</param>
    /// <param name="density">Global density in (0, 1].</param>
    /// <param name="classifierDensity">Classifier density for <see cref="Allocation.ErkPlus"/>, in (0, 1]; ignored otherwise.</param>
    public static AllocationResult Allocate(Allocation allocation, IReadOnlyList<long[]> weightShapes, double density, double classifierDensity = 1.0)
    {
        if (weightShapes == null) throw new ArgumentNullException(nameof(weightShapes));
        var shapeError = CheckShapes(weightShapes);
        if (shapeError != null) return AllocationResult.Failure(shapeError);
        if (!IsDensity(density))
            return AllocationResult.Failure("density " + Format(density) + " is outside (0, 1]; use a value such as 0.1 for 90% sparsity");

        var counts = new long[weightShapes.Count];
        for (var i = 0; i < counts.Length; i++) counts[i] = Product(weightShapes[i]);

        switch (allocation)
        {
            case Allocation.Dense: return AllocationResult.Success(Filled(counts.Length, 1.0));
            case Allocation.Uniform: return AllocationResult.Success(Filled(counts.Length, density));
            case Allocation.UniformPlus: return UniformPlus(weightShapes, counts, density);
            case Allocation.Er: return ErdosRenyi(counts, RawErdosRenyi(weightShapes), density);
            case Allocation.Erk: return ErdosRenyi(counts, RawErdosRenyiKernel(weightShapes), density);
            case Allocation.ErkPlus: return ErkPlus(weightShapes, counts, density, classifierDensity);
            case Allocation.Explicit:
                return AllocationResult.Failure("Explicit takes every layer's density from layer rules, not from a global density; give them with AllocateExplicit (or RuleAllocator)");
            default: return AllocationResult.Failure("unknown allocation " + allocation.ToString());
        }
    }

    /// <summary>
    /// Like <see cref="Allocate"/>, but layers with a value in <paramref name="fixedDensities"/> keep that density
    /// (1 = kept dense) and <paramref name="allocation"/> spreads the rest of the budget, d·N − Σ fixed n·f, over the
    /// other layers only, at density (d·N − Σ fixed n·f) / Σ free n — how ERK+ treats its classifier, for any layers.
    /// Only <see cref="Allocation.Uniform"/>, <see cref="Allocation.Er"/> and <see cref="Allocation.Erk"/> take fixed
    /// layers (Uniform+ and ERK+ fix their own). Fails, with the numbers, when the fixed layers alone reach the budget
    /// or the free layers would need a density above 1.
    /// </summary>
    /// <param name="allocation">Uniform, Er or Erk: how the rest of the budget is spread.</param>
    /// <param name="weightShapes">Prunable weight shapes in forward order, as for <see cref="Allocate"/>.</param>
    /// <param name="density">Global density in (0, 1] over all the layers, fixed ones included.</param>
    /// <param name="fixedDensities">One entry per layer: its density in (0, 1], or null when the allocation decides it.</param>
    public static AllocationResult AllocateWithFixed(Allocation allocation, IReadOnlyList<long[]> weightShapes, double density,
        IReadOnlyList<double?> fixedDensities)
    {
        if (weightShapes == null) throw new ArgumentNullException(nameof(weightShapes));
        if (fixedDensities == null) throw new ArgumentNullException(nameof(fixedDensities));
        var shapeError = CheckShapes(weightShapes);
        if (shapeError != null) return AllocationResult.Failure(shapeError);
        if (!IsDensity(density))
            return AllocationResult.Failure("density " + Format(density) + " is outside (0, 1]; use a value such as 0.1 for 90% sparsity");
        if (fixedDensities.Count != weightShapes.Count)
            return AllocationResult.Failure(fixedDensities.Count.ToString(CultureInfo.InvariantCulture) + " fixed densities given for "
                + weightShapes.Count.ToString(CultureInfo.InvariantCulture) + " prunable layers");
        if (allocation != Allocation.Uniform && allocation != Allocation.Er && allocation != Allocation.Erk)
            return AllocationResult.Failure(allocation.ToString() + " fixes its own layers and takes no per-layer densities or dense layers; use Uniform, Er or Erk with them");

        var freeShapes = new List<long[]>();
        double fixedKept = 0;
        long total = 0;
        long freeWeights = 0;
        for (var i = 0; i < weightShapes.Count; i++)
        {
            var count = Product(weightShapes[i]);
            total += count;
            var given = fixedDensities[i];
            if (given == null)
            {
                freeShapes.Add(weightShapes[i]);
                freeWeights += count;
                continue;
            }
            if (!IsDensity(given.Value))
                return AllocationResult.Failure("fixed density " + Format(given.Value) + " of layer " + (i + 1).ToString(CultureInfo.InvariantCulture) + " is outside (0, 1]");
            fixedKept += given.Value * count;
        }
        if (freeShapes.Count == 0)
            return AllocationResult.Failure("every layer has a fixed density, so nothing is left for " + allocation.ToString() + " to spread; give the densities of every layer as an explicit allocation instead");

        var budget = density * total;
        if (fixedKept >= budget)
            return AllocationResult.Failure("the layers with fixed densities keep " + Format(fixedKept) + " weights, at least the whole budget of "
                + Format(budget) + " (density " + Format(density) + " of " + total.ToString(CultureInfo.InvariantCulture)
                + " weights); keep fewer layers dense, lower their densities or raise the density");
        var restDensity = (budget - fixedKept) / freeWeights;
        if (restDensity > 1)
            return AllocationResult.Failure("with the fixed layers at their densities the other layers would need density " + Format(restDensity)
                + " > 1 to meet density " + Format(density) + "; raise the fixed densities or lower the density");

        var rest = Allocate(allocation, freeShapes, restDensity);
        if (!rest.Succeeded) return rest;
        var densities = new double[weightShapes.Count];
        var next = 0;
        for (var i = 0; i < densities.Length; i++)
        {
            var given = fixedDensities[i];
            densities[i] = given ?? rest.Densities[next++];
        }
        return AllocationResult.Success(densities);
    }

    /// <summary>
    /// Explicit allocation: every layer's density given, nothing computed. The global density is whatever they imply;
    /// fails when a layer has no density or one is outside (0, 1].
    /// </summary>
    /// <param name="weightShapes">Prunable weight shapes in forward order, as for <see cref="Allocate"/>.</param>
    /// <param name="densities">One entry per layer, forward order; null marks a layer that was not given one.</param>
    public static AllocationResult AllocateExplicit(IReadOnlyList<long[]> weightShapes, IReadOnlyList<double?> densities)
    {
        if (weightShapes == null) throw new ArgumentNullException(nameof(weightShapes));
        if (densities == null) throw new ArgumentNullException(nameof(densities));
        var shapeError = CheckShapes(weightShapes);
        if (shapeError != null) return AllocationResult.Failure(shapeError);
        if (densities.Count != weightShapes.Count)
            return AllocationResult.Failure(densities.Count.ToString(CultureInfo.InvariantCulture) + " densities given for "
                + weightShapes.Count.ToString(CultureInfo.InvariantCulture) + " prunable layers");
        var result = new double[densities.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var layer = (i + 1).ToString(CultureInfo.InvariantCulture);
            var given = densities[i];
            if (given == null) return AllocationResult.Failure("layer " + layer + " has no density; an explicit allocation needs one for every prunable layer");
            if (!IsDensity(given.Value)) return AllocationResult.Failure("density " + Format(given.Value) + " of layer " + layer + " is outside (0, 1]");
            result[i] = given.Value;
        }
        return AllocationResult.Success(result);
    }

    /// <summary>True for a valid density: in (0, 1] (NaN excluded).</summary>
    public static bool IsDensity(double value) => value > 0 && value <= 1;

    private static AllocationResult UniformPlus(IReadOnlyList<long[]> shapes, long[] counts, double density)
    {
        if (counts.Length < 2)
            return AllocationResult.Failure("Uniform+ needs a classifier and at least one other prunable layer, but the model has a single prunable layer; use Uniform");
        // The first convolution (a 4-D weight) stays dense; a model without one (an MLP) keeps no layer dense.
        var first = -1;
        for (var i = 0; i < shapes.Count && first < 0; i++)
            if (shapes[i].Length == 4) first = i;
        var last = counts.Length - 1;
        var fixedDensities = new double?[counts.Length];
        if (first >= 0 && first != last) fixedDensities[first] = 1.0;
        if (density < UniformPlusClassifierDensity) fixedDensities[last] = UniformPlusClassifierDensity;

        // The rest uniform so that the total budget holds: (d·N − kept by the fixed layers) / (weights of the others).
        // The official code divides by all N instead, which misses d·N by under 1% on the CIFAR ResNets and VGG-16.
        var kept = 0.0;
        long free = 0;
        for (var i = 0; i < counts.Length; i++)
            if (fixedDensities[i] is { } d) kept += d * counts[i];
            else free += counts[i];
        var rest = free == 0 ? 0 : (density * Sum(counts) - kept) / free;
        if (free > 0 && rest <= 0)
            return AllocationResult.Failure("Uniform+ at density " + Format(density) + " leaves no weights for the other layers once the first convolution is dense"
                + (density < UniformPlusClassifierDensity ? " and the classifier at 0.2" : "") + " (" + Format(kept) + " weights of a budget of "
                + Format(density * Sum(counts)) + "); raise the density or use Uniform or ERK");
        if (rest > 1)
            return AllocationResult.Failure("Uniform+ at density " + Format(density) + " would need the other layers above density 1 (" + Format(rest)
                + "); lower the density or use Dense");
        var densities = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++) densities[i] = fixedDensities[i] ?? rest;
        return AllocationResult.Success(densities);
    }

    private static AllocationResult ErkPlus(IReadOnlyList<long[]> shapes, long[] counts, double density, double classifierDensity)
    {
        if (!IsDensity(classifierDensity))
            return AllocationResult.Failure("classifier density " + Format(classifierDensity) + " is outside (0, 1]");
        if (counts.Length < 2)
            return AllocationResult.Failure("ERK+ needs a classifier and at least one other prunable layer; use ERK");

        var last = counts.Length - 1;
        var total = Sum(counts);
        var classifierKept = counts[last] * classifierDensity;
        var budget = density * total;
        if (classifierKept >= budget)
            return AllocationResult.Failure("the classifier alone at density " + Format(classifierDensity) + " keeps " + Format(classifierKept)
                + " weights, at least the whole budget of " + Format(budget) + " (density " + Format(density) + " of " + total.ToString(CultureInfo.InvariantCulture)
                + " weights); lower ClassifierDensity or raise the density");
        var restDensity = (budget - classifierKept) / (total - counts[last]);
        if (restDensity > 1)
            return AllocationResult.Failure("with the classifier at density " + Format(classifierDensity) + " the other layers would need density "
                + Format(restDensity) + " > 1; raise ClassifierDensity or lower the density");

        var restShapes = new long[last][];
        var restCounts = new long[last];
        for (var i = 0; i < last; i++)
        {
            restShapes[i] = shapes[i];
            restCounts[i] = counts[i];
        }
        var rest = ErdosRenyi(restCounts, RawErdosRenyiKernel(restShapes), restDensity);
        if (!rest.Succeeded) return rest;
        var densities = new double[counts.Length];
        for (var i = 0; i < last; i++) densities[i] = rest.Densities[i];
        densities[last] = classifierDensity;
        return AllocationResult.Success(densities);
    }

    /// <summary>
    /// density_l = ε·raw_l with ε solving Σ density_l·n_l = d·N. While the largest ε·raw_l exceeds 1, every layer sharing
    /// that largest raw value is made dense and ε is solved again over the others (the official iterative cap).
    /// </summary>
    private static AllocationResult ErdosRenyi(long[] counts, double[] raw, double density)
    {
        var dense = new bool[counts.Length];
        var epsilon = 0.0;
        while (true)
        {
            // Budget left for the non-dense layers: the official rhs, Σ_free n·d − Σ_dense n·(1 − d).
            var rhs = 0.0;
            var divisor = 0.0;
            var maxRaw = double.NegativeInfinity;
            for (var i = 0; i < counts.Length; i++)
            {
                if (dense[i])
                {
                    rhs -= counts[i] * (1 - density);
                    continue;
                }
                rhs += counts[i] * density;
                divisor += raw[i] * counts[i];
                if (raw[i] > maxRaw) maxRaw = raw[i];
            }
            if (divisor == 0) break; // every layer dense: only reachable at density 1 through rounding
            epsilon = rhs / divisor;
            if (maxRaw * epsilon <= 1) break;
            for (var i = 0; i < counts.Length; i++)
                if (!dense[i] && raw[i] == maxRaw) dense[i] = true;
        }

        var densities = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
            densities[i] = dense[i] ? 1.0 : epsilon * raw[i];
        return AllocationResult.Success(densities);
    }

    /// <summary>ER: (n_out + n_in) / (n_out · n_in), the kernel ignored.</summary>
    private static double[] RawErdosRenyi(IReadOnlyList<long[]> shapes)
    {
        var raw = new double[shapes.Count];
        for (var i = 0; i < raw.Length; i++)
        {
            var shape = shapes[i];
            raw[i] = (double)(shape[0] + shape[1]) / ((double)shape[0] * shape[1]);
        }
        return raw;
    }

    /// <summary>ERK: the sum of the weight's dimensions over their product.</summary>
    private static double[] RawErdosRenyiKernel(IReadOnlyList<long[]> shapes)
    {
        var raw = new double[shapes.Count];
        for (var i = 0; i < raw.Length; i++)
        {
            var shape = shapes[i];
            long sum = 0;
            for (var j = 0; j < shape.Length; j++) sum += shape[j];
            raw[i] = sum / (double)Product(shape);
        }
        return raw;
    }

    private static string? CheckShapes(IReadOnlyList<long[]> shapes)
    {
        if (shapes.Count == 0) return "the model has no prunable (Conv2d or Linear) weights";
        for (var i = 0; i < shapes.Count; i++)
        {
            var shape = shapes[i];
            if (shape == null || (shape.Length != 2 && shape.Length != 4))
                return "weight shape " + (i + 1).ToString(CultureInfo.InvariantCulture) + " must be [out, in] or [out, in, kh, kw]";
            for (var j = 0; j < shape.Length; j++)
                if (shape[j] <= 0)
                    return "weight shape " + (i + 1).ToString(CultureInfo.InvariantCulture) + " has a non-positive dimension";
        }
        return null;
    }

    private static long Product(long[] shape)
    {
        long product = 1;
        for (var i = 0; i < shape.Length; i++) product *= shape[i];
        return product;
    }

    private static long Sum(long[] values)
    {
        long sum = 0;
        for (var i = 0; i < values.Length; i++) sum += values[i];
        return sum;
    }

    private static double[] Filled(int length, double value)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++) values[i] = value;
        return values;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
