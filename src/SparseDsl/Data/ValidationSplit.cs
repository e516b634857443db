using SparseDsl.Randomness;

namespace SparseDsl.Data;

/// <summary>The held-out validation indices of a dataset, as the official code takes them: a seeded random fraction.</summary>
internal static class ValidationSplit
{
    /// <summary>Sorted training and validation indices; <paramref name="fraction"/> of <paramref name="count"/>, rounded, is held out.</summary>
    public static (long[] Train, long[] Validation) Indices(int count, double fraction, long seed)
    {
        if (fraction is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "validation fraction must be in [0, 1)");
        var order = DeterministicRandom.For(seed, "validation-split").Permutation(count);
        var validationCount = (int)Math.Round(count * fraction);
        var validation = order[..validationCount];
        var train = order[validationCount..];
        Array.Sort(validation);
        Array.Sort(train);
        return (train, validation);
    }
}
