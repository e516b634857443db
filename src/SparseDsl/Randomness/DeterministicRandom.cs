namespace SparseDsl.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fast generator whose sequence depends only on the seed,
/// on every platform and .NET version (System.Random makes no such promise). Masks and shuffles use it so a
/// run is reproducible from its seed alone.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong s0, s1, s2, s3;

    public DeterministicRandom(ulong seed)
    {
        var x = seed;
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>An independent stream for a named purpose (e.g. "mask", "shuffle/epoch-3") derived from a seed.</summary>
    public static DeterministicRandom For(long seed, string purpose)
    {
        // FNV-1a of the purpose mixed with the seed: different purposes never share a stream.
        var hash = 14695981039346656037UL;
        foreach (var c in purpose)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return new DeterministicRandom(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ hash);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, bound), unbiased (Lemire's multiply-shift with rejection).</summary>
    public long NextLong(long bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), bound, "bound must be positive");
        var range = (ulong)bound;
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0 - range) % range;
            while (low < threshold) product = Math.BigMul(NextUInt64(), range, out low);
        }
        return (long)product;
    }

    /// <summary>A uniformly random permutation of 0..n-1 (Fisher–Yates).</summary>
    public long[] Permutation(long n)
    {
        var result = new long[n];
        for (long i = 0; i < n; i++) result[i] = i;
        for (long i = n - 1; i > 0; i--)
        {
            var j = NextLong(i + 1);
            (result[i], result[j]) = (result[j], result[i]);
        }
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
