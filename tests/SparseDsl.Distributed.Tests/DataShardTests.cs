using SparseDsl.Data;

namespace SparseDsl.Distributed.Tests;

/// <summary>DistributedSampler semantics: same order on every rank, every world-size-th index, padded to equal length.</summary>
public sealed class DataShardTests
{
    [Fact]
    public void Ranks_take_interleaved_indices_of_the_shared_order()
    {
        long[] order = [9, 4, 7, 1, 0, 3, 8, 2];
        Assert.Equal([9, 7, 0, 8], new DataShard(0, 2).Take(order));
        Assert.Equal([4, 1, 3, 2], new DataShard(1, 2).Take(order));
    }

    [Fact]
    public void Short_shards_are_padded_from_the_head_of_the_order()
    {
        long[] order = [5, 6, 7, 8, 9];
        Assert.Equal([5, 8], new DataShard(0, 3).Take(order));
        Assert.Equal([6, 9], new DataShard(1, 3).Take(order));
        Assert.Equal([7, 5], new DataShard(2, 3).Take(order));  // padded with the first index, as DistributedSampler does
        Assert.Equal(2, new DataShard(2, 3).Length(5));
    }

    [Fact]
    public void Batch_b_of_all_ranks_together_is_batch_b_of_the_combined_batch()
    {
        var order = Randomness.DeterministicRandom.For(17, "shuffle/epoch-1").Permutation(96);
        const int worldSize = 4, perRank = 8;
        var shards = Enumerable.Range(0, worldSize).Select(r => new DataShard(r, worldSize).Take(order)).ToList();
        for (var b = 0; b < 96 / (perRank * worldSize); b++)
        {
            var combined = shards.SelectMany(s => s.Skip(b * perRank).Take(perRank)).Order();
            Assert.Equal(order.Skip(b * perRank * worldSize).Take(perRank * worldSize).Order(), combined);
        }
    }

    [Fact]
    public void A_rank_outside_the_world_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataShard(2, 2));
}
