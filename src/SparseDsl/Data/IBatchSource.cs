using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Data;

/// <summary>
/// Anything that serves (input, target) mini-batches epoch by epoch: in-memory datasets on the device
/// (<see cref="DeviceBatches"/>) and image folders decoded on the fly (<see cref="ImageFolderBatches"/>).
/// </summary>
public interface IBatchSource
{
    /// <summary>The device the batches are on.</summary>
    Device Device { get; }

    /// <summary>Number of samples per epoch.</summary>
    int Count { get; }

    /// <summary>Number of classes the targets range over.</summary>
    int Classes { get; }

    /// <summary>Number of batches one epoch yields (on this rank, with a <paramref name="shard"/>).</summary>
    int BatchCount(int batchSize, bool dropLast, DataShard? shard = null);

    /// <summary>
    /// The batches of one epoch, shuffled (when asked) and augmented deterministically from (seed, epoch).
    /// Each batch's tensors belong to the caller's dispose scope at the time it is yielded. With a <paramref name="shard"/>
    /// (distributed training), only this rank's share of the epoch's order (<see cref="DataShard"/>).
    /// </summary>
    IEnumerable<(Tensor Input, Tensor Target)> Epoch(int batchSize, bool shuffle, long seed, int epoch, bool dropLast = false,
        CancellationToken cancellation = default, DataShard? shard = null);
}
