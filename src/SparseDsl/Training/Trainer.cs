using System.Diagnostics;
using SparseDsl.Data;
using SparseDsl.Modeling;
using SparseDsl.Torch;
using SparseDsl.Torch.Optim;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Training;

/// <summary>Trains a masked model from scratch with the mask fixed: SGD with masked gradients and a multi-step schedule.</summary>
public sealed class Trainer(TrainingSettings settings)
{
    public TrainingSettings Settings { get; } = settings;

    /// <summary>Runs every epoch; <paramref name="onEpoch"/> sees each epoch's metrics. Returns them all.</summary>
    public IReadOnlyList<EpochMetrics> Train(SparseModule model, DeviceBatches train, DeviceBatches? validation,
        Action<EpochMetrics>? onEpoch = null, CancellationToken cancellation = default)
    {
        using var optimizer = MaskedSgd.Create(model, Settings);
        var schedule = optim.lr_scheduler.MultiStepLR(optimizer, Settings.MilestoneEpochs(), Settings.Gamma);
        var history = new List<EpochMetrics>(Settings.Epochs);
        for (var epoch = 1; epoch <= Settings.Epochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var learningRate = optimizer.LearningRate;
            var trainScore = RunEpoch(model, optimizer, train, epoch, cancellation);
            schedule.step();
            var validationScore = validation is null ? (Score?)null : Evaluator.Evaluate(model, validation);
            var metrics = new EpochMetrics(epoch, Settings.Epochs, learningRate, trainScore, validationScore, clock.Elapsed);
            history.Add(metrics);
            onEpoch?.Invoke(metrics);
        }
        return history;
    }

    private Score RunEpoch(SparseModule model, SGD optimizer, DeviceBatches data, int epoch, CancellationToken cancellation)
    {
        model.train();
        using var scope = NewDisposeScope();
        var lossSum = torch.zeros([1], ScalarType.Float64, data.Device);
        var correct = torch.zeros([1], ScalarType.Int64, data.Device);
        long seen = 0;
        foreach (var (input, target) in data.Epoch(Settings.BatchSize, shuffle: true, Settings.Seed, epoch))
        {
            cancellation.ThrowIfCancellationRequested();
            using var step = NewDisposeScope();
            using var x = input;
            using var y = target;
            var output = model.forward(x);
            var loss = nn.functional.cross_entropy(output, y, label_smoothing: Settings.LabelSmoothing);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            // Statistics stay on the device; the host reads them once per epoch.
            using (torch.no_grad())
            {
                var n = y.size(0);
                lossSum.add_(loss.detach().mul(n));
                correct.add_(output.argmax(1).eq(y).sum());
                seen += n;
            }
        }
        return new Score(lossSum.item<double>() / seen, (double)correct.item<long>() / seen, seen);
    }
}
