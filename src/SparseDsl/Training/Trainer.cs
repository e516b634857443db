using System.Diagnostics;
using SparseDsl.Checkpoints;
using SparseDsl.Data;
using SparseDsl.Modeling;
using SparseDsl.Torch;
using SparseDsl.Torch.Amp;
using SparseDsl.Torch.Optim;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Training;

/// <summary>
/// Trains a masked model from scratch with the mask fixed: SGD with masked gradients and a multi-step schedule,
/// optionally after a linear warm-up (<see cref="LearningRateSchedule"/>).
/// <para>
/// Checkpoints and resume (with <see cref="CheckpointOptions"/>): the run's complete state is saved only at epoch
/// boundaries — before the first epoch and after each one — where it is exact: weights, masks, buffers, momentum,
/// schedule position and torch's CPU generator; the batch order needs no state, being drawn from (seed, epoch) alone.
/// Cancellation (Ctrl+C, SIGTERM) and crashes save nothing new: the last epoch checkpoint stands, and a resume
/// redoes the interrupted epoch from it, bit for bit as the uninterrupted run would have.
/// </para>
/// </summary>
public sealed class Trainer(TrainingSettings settings)
{
    public TrainingSettings Settings { get; } = settings;

    /// <summary>
    /// Data-parallel training over torch.distributed's default group (initialised by the caller): every rank trains a
    /// replica on its shard of the training data (<see cref="DataShard"/>) with <see cref="TrainingSettings.BatchSize"/>
    /// as its per-rank batch (the caller divides the global batch by the world size), gradients are averaged across ranks
    /// (all-reduced in buckets while backward runs, as PyTorch's DistributedDataParallel), the epoch's training score
    /// covers every rank, and only rank 0 writes checkpoints (the others pass none, or have theirs ignored).
    /// Start-up copies rank 0's weights and buffers to every rank; check beforehand that the masks agree
    /// (<see cref="MaskAgreement"/>), since the copy would hide a mismatch.
    /// </summary>
    public bool Distributed { get; init; }

    /// <summary>With <see cref="Distributed"/>: the largest bucket of gradients averaged in one all-reduce, in MiB.</summary>
    public double BucketCapMb { get; init; } = 25;

    /// <summary>
    /// Called after every optimizer step (for progress displays). It costs no host synchronisation unless the callback
    /// reads <see cref="StepProgress.RunningScore"/>.
    /// </summary>
    public Action<StepProgress>? OnStep { get; init; }

    /// <summary>
    /// Runs every epoch not yet done; <paramref name="onEpoch"/> sees each epoch's metrics as it completes (after its
    /// checkpoint is written). Returns the metrics of all epochs, those restored from a checkpoint included.
    /// Cancellation throws <see cref="OperationCanceledException"/> between steps.
    /// </summary>
    public IReadOnlyList<EpochMetrics> Train(SparseModule model, IBatchSource train, IBatchSource? validation,
        Action<EpochMetrics>? onEpoch = null, CancellationToken cancellation = default, CheckpointOptions? checkpoints = null)
    {
        if (MixedPrecision.Problem(Settings.Precision, train.Device.type) is { } problem)
            throw new InvalidOperationException($"Precision {Settings.Precision} cannot train on {train.Device}: {problem}.");
        if (ChannelsLast.Problem(ChannelsLast.Of(model), train.Device.type) is { } layout)
            throw new InvalidOperationException($"This channels-last model cannot train on {train.Device}: {layout}.");
        using var optimizer = MaskedSgd.Create(model, Settings);
        var schedule = LearningRateSchedule.Create(optimizer, Settings);
        var scaler = MixedPrecision.Scaler(Settings.Precision);
        var history = new List<EpochMetrics>(Settings.Epochs);
        using var parallel = Distributed ? new DataParallelTraining(model, BucketCapMb) : null;
        if (parallel is not null && !DataParallelTraining.IsCoordinator) checkpoints = null;
        var state = checkpoints is null ? null : new TrainingState(model, new CheckpointIdentity(model.Info.Name, checkpoints.Policy),
            Settings, optimizer, schedule, checkpoints.Configuration, scaler);
        if (state is not null) history.AddRange(ResumeOrBegin(checkpoints!, state));
        var done = parallel?.ShareResume(history.Count, optimizer, schedule) ?? history.Count;
        for (var epoch = done + 1; epoch <= Settings.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var learningRate = optimizer.LearningRate;
            var trainScore = RunEpoch(model, optimizer, scaler, train, epoch, clock, parallel, cancellation);
            schedule.step();
            var validationScore = validation is null ? (Score?)null : Evaluator.Evaluate(model, validation);
            var metrics = new EpochMetrics(epoch, Settings.Epochs, learningRate, trainScore, validationScore, clock.Elapsed);
            history.Add(metrics);
            if (state is not null) SaveEpoch(checkpoints!, state, history);
            onEpoch?.Invoke(metrics);
        }
        return history;
    }

    /// <summary>Restores the run from its latest checkpoint when there is one (and resuming is on); else saves epoch 0.</summary>
    private static IReadOnlyList<EpochMetrics> ResumeOrBegin(CheckpointOptions options, TrainingState state)
    {
        if (options.Resume && File.Exists(options.LatestPath))
        {
            var checkpoint = TrainingCheckpoint.Load(options.LatestPath);
            checkpoint.RestoreTraining(state);
            options.OnResumed?.Invoke(checkpoint.Epoch);
            return checkpoint.History;
        }
        TrainingCheckpoint.Save(options.LatestPath, state, []);
        return [];
    }

    /// <summary>
    /// Writes the epoch's checkpoint; with <see cref="CheckpointOptions.KeepBest"/> and a new best validation accuracy,
    /// to best.safetensors first, so a crash between the two writes leaves latest behind, and the redone epoch
    /// rewrites best identically.
    /// </summary>
    private static void SaveEpoch(CheckpointOptions options, TrainingState state, List<EpochMetrics> history)
    {
        var content = TrainingCheckpoint.Capture(state, history);
        if (options.KeepBest && IsNewBest(history)) SafetensorsWriter.WriteFile(options.BestPath, content);
        SafetensorsWriter.WriteFile(options.LatestPath, content);
    }

    private static bool IsNewBest(List<EpochMetrics> history) =>
        history[^1].Validation is { } latest && history.SkipLast(1).All(m => m.Validation is not { } v || v.Accuracy < latest.Accuracy);

    private Score RunEpoch(SparseModule model, SGD optimizer, GradScaler scaler, IBatchSource data, int epoch, Stopwatch clock,
        DataParallelTraining? parallel, CancellationToken cancellation)
    {
        model.train();
        using var scope = NewDisposeScope();
        var lossSum = torch.zeros([1], ScalarType.Float64, data.Device);
        var correct = torch.zeros([1], ScalarType.Int64, data.Device);
        long seen = 0;
        var steps = data.BatchCount(Settings.BatchSize, dropLast: false, parallel?.Shard);
        var step = 0;
        // Read on demand by progress displays only: one device-to-host copy per call.
        Score Running() => new(lossSum.item<double>() / seen, (double)correct.item<long>() / seen, seen);
        Func<Score> running = Running;
        foreach (var (input, target) in data.Epoch(Settings.BatchSize, shuffle: true, Settings.Seed, epoch, shard: parallel?.Shard))
        {
            cancellation.ThrowIfCancellationRequested();
            using var stepScope = NewDisposeScope();
            using var x = input;
            using var y = target;
            parallel?.BeforeForward();
            Tensor output, loss;
            using (MixedPrecision.Autocast(Settings.Precision, data.Device))
            {
                output = model.forward(x);
                loss = nn.functional.cross_entropy(output, y, label_smoothing: Settings.LabelSmoothing);
            }
            optimizer.zero_grad();
            scaler.scale(loss).backward();
            // Averaged before the step (backward started the all-reduces; this waits for them): the optimizer masks the
            // average, as it would mask each rank's gradient.
            parallel?.AfterBackward();
            // float16: unscales, and skips the step when a gradient overflowed; otherwise just steps.
            scaler.step(optimizer);
            scaler.update();
            // Statistics stay on the device; the host reads them once per epoch.
            using (torch.no_grad())
            {
                var n = y.size(0);
                lossSum.add_(loss.detach().mul(n));
                correct.add_(output.argmax(1).eq(y).sum());
                seen += n;
            }
            OnStep?.Invoke(new StepProgress(epoch, ++step, steps) { Epochs = Settings.Epochs, Seen = seen, Elapsed = clock.Elapsed, ScoreReader = running });
        }
        if (parallel is not null) return DataParallelTraining.Combine(lossSum, correct, seen);
        return new Score(lossSum.item<double>() / seen, (double)correct.item<long>() / seen, seen);
    }
}
