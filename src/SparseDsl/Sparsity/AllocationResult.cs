namespace SparseDsl.Sparsity;

/// <summary>
/// Outcome of <see cref="DensityAllocator.Allocate"/>: one density per layer, in the order the weight shapes were
/// given, or the reason the allocation is impossible (an error the caller reports, never an exception).
/// </summary>
public sealed class AllocationResult
{
    private static readonly double[] NoDensities = new double[0];

    private AllocationResult(double[] densities, string? error)
    {
        this.densities = densities;
        Error = error;
    }

    private readonly double[] densities;

    /// <summary>True when <see cref="Densities"/> holds one density per layer.</summary>
    public bool Succeeded => Error == null;

    /// <summary>Per-layer densities in (0, 1], forward order; empty when the allocation failed.</summary>
    public IReadOnlyList<double> Densities => densities;

    /// <summary>Why the allocation failed (a sentence saying what to change); null on success.</summary>
    public string? Error { get; }

    /// <summary>A successful allocation; takes ownership of <paramref name="densities"/>.</summary>
    public static AllocationResult Success(double[] densities) => new AllocationResult(densities, null);

    /// <summary>A failed allocation with its reason.</summary>
    public static AllocationResult Failure(string error) => new AllocationResult(NoDensities, error);
}
