using SparseDsl.Data;
using SparseDsl.Modeling;
using SparseDsl.Torch;
using SparseDsl.Torch.Optim;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Training;

/// <summary>
/// The trainer's side of data parallelism over torch.distributed's default group (see <see cref="Trainer.Distributed"/>):
/// every rank holds a replica and a shard of the data; gradients are all-reduced in buckets while backward runs and
/// awaited after it, before the optimizer masks them (the masks are identical on every rank, so masking the average
/// equals averaging the masked gradients). Rank 0 alone checkpoints; a resume restores rank 0 from its checkpoint and
/// copies its state to the others. Disposing it removes the gradient hooks from the model.
/// </summary>
internal sealed class DataParallelTraining(SparseModule model, double bucketCapMb) : IDisposable
{
    // Masks never change during training: they are checked once (MaskAgreement) and not re-sent every step.
    private readonly nn.parallel.DistributedDataParallel replica = new(model, bucketCapMb,
        buffer_filter: name => !name.EndsWith(nameof(IMaskedLayer.weight_mask), StringComparison.Ordinal));

    public static bool IsCoordinator => distributed.get_rank() == 0;

    /// <summary>This rank's share of the training data.</summary>
    public DataShard Shard { get; } = new(distributed.get_rank(), distributed.get_world_size());

    public void BeforeForward() => replica.sync_buffers();

    /// <summary>Waits for the gradient all-reduces that backward started; the gradients are then averaged.</summary>
    public void AfterBackward() => replica.wait_for_gradients();

    public void Dispose() => replica.Dispose();

    /// <summary>
    /// Tells every rank how many epochs rank 0 restored and, when it restored some, gives every rank rank 0's weights,
    /// buffers, momentum and schedule position, so all replicas continue from the same state.
    /// </summary>
    public int ShareResume(int restoredEpochs, SGD optimizer, LRScheduler schedule)
    {
        using var scope = NewDisposeScope();
        var count = torch.tensor(new long[] { restoredEpochs }, [1]).to(distributed.collective_device());
        distributed.broadcast(count, 0);
        var epochs = (int)count.cpu().item<long>();
        if (epochs == 0) return 0;
        using (no_grad())
        {
            distributed.broadcast([.. model.state_dict().Select(t => t.tensor)], 0);
            var buffers = optimizer.Parameters.Select((p, i) => optimizer is { Momentum: > 0 }
                ? optimizer.MomentumBuffers[i] ?? torch.zeros_like(p) : null).ToList();
            distributed.broadcast([.. buffers.OfType<Tensor>()], 0);
            if (!IsCoordinator) optimizer.LoadMomentumBuffers(buffers);
        }
        if (!IsCoordinator)
            for (var e = 0; e < epochs; e++) schedule.step();
        return epochs;
    }

    /// <summary>The epoch's training score over all ranks' samples (one all-reduce of three numbers).</summary>
    public static Score Combine(Tensor lossSum, Tensor correct, long seen)
    {
        using var scope = NewDisposeScope();
        var device = distributed.collective_device();
        var totals = torch.cat([lossSum.to(ScalarType.Float64, device), correct.to(ScalarType.Float64, device),
            torch.full([1], seen, ScalarType.Float64, device)]);
        distributed.all_reduce(totals);
        var values = totals.to(Device.CPU).data<double>();
        return new Score(values[0] / values[2], values[1] / values[2], (long)values[2]);
    }
}
