using SparseDsl.Randomness;

namespace SparseDsl.Data;

/// <summary>
/// This rank's share of the training data, with PyTorch's DistributedSampler semantics: every rank draws the same
/// order (the same permutation from the same seed), pads it by repeating its head to a multiple of
/// <see cref="WorldSize"/>, and keeps every WorldSize-th index from its <see cref="Rank"/>. All ranks therefore get
/// the same number of samples, and batch b of every rank together holds exactly the samples of batch b of one
/// process with a <see cref="WorldSize"/>-times larger batch over the unpadded order, whenever that batch is whole.
/// </summary>
public sealed record DataShard
{
    public DataShard(int rank, int worldSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(worldSize, 1);
        if (rank < 0 || rank >= worldSize)
            throw new ArgumentOutOfRangeException(nameof(rank), rank, $"rank must be in 0..{worldSize - 1}");
        (Rank, WorldSize) = (rank, worldSize);
    }

    public int Rank { get; }

    public int WorldSize { get; }

    /// <summary>Samples per epoch on each rank: ⌈count / world size⌉.</summary>
    public int Length(int count) => (count + WorldSize - 1) / WorldSize;

    /// <summary>This rank's indices of <paramref name="order"/> (a full-dataset order), padded as DistributedSampler pads.</summary>
    public long[] Take(IReadOnlyList<long> order)
    {
        if (order.Count == 0) return [];
        var result = new long[Length(order.Count)];
        for (var i = 0; i < result.Length; i++)
            result[i] = order[(int)((Rank + (long)i * WorldSize) % order.Count)];
        return result;
    }

    /// <summary>
    /// The sample order of one epoch: a permutation drawn from (seed, epoch) alone when shuffling, else null (in order);
    /// with a shard, this rank's part of it (never null).
    /// </summary>
    internal static long[]? EpochOrder(int count, bool shuffle, long seed, int epoch, DataShard? shard)
    {
        var order = shuffle ? DeterministicRandom.For(seed, $"shuffle/epoch-{epoch}").Permutation(count) : null;
        return shard is null ? order : shard.Take(order ?? [.. Enumerable.Range(0, count).Select(i => (long)i)]);
    }

    /// <summary>Samples per epoch of a source of <paramref name="count"/> samples, on this rank when sharded.</summary>
    internal static int EpochLength(int count, DataShard? shard) => shard?.Length(count) ?? count;
}
