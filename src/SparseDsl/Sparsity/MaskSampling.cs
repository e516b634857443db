namespace SparseDsl.Sparsity;

/// <summary>How a layer's random mask is drawn for a target density d over n weights.</summary>
public enum MaskSampling
{
    /// <summary>Exactly round(d·n) weights kept, chosen uniformly at random.</summary>
    Exact,

    /// <summary>Each weight kept independently with probability d, as the official code (`rand &lt; density`).</summary>
    Bernoulli,
}
