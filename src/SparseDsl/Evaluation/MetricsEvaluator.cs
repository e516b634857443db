using SparseDsl.Data;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Evaluation;

/// <summary>Runs a model over a data source in eval mode, without gradients, for the metrics of <see cref="PredictionAccumulator"/>.</summary>
public static class MetricsEvaluator
{
    public const int DefaultBatchSize = 512;

    public static ClassificationMetrics Evaluate(nn.Module<Tensor, Tensor> model, IBatchSource data, int batchSize = DefaultBatchSize,
        CancellationToken cancellation = default)
    {
        using var accumulator = new PredictionAccumulator(data.Classes, data.Device);
        InEvalMode(model, () =>
        {
            foreach (var (input, target) in data.Epoch(batchSize, shuffle: false, seed: 0, epoch: 0, cancellation: cancellation))
            {
                using var step = NewDisposeScope();
                using var x = input;
                using var y = target;
                using var noGrad = torch.no_grad();
                accumulator.Add(model.forward(x), y);
            }
        });
        return accumulator.Finish();
    }

    /// <summary>The maximum softmax probability of every sample of <paramref name="data"/> (labels are ignored): OoD scores.</summary>
    public static float[] MaxSoftmaxScores(nn.Module<Tensor, Tensor> model, IBatchSource data, int batchSize = DefaultBatchSize,
        CancellationToken cancellation = default)
    {
        var scores = new List<Tensor>();
        try
        {
            InEvalMode(model, () =>
            {
                foreach (var (input, target) in data.Epoch(batchSize, shuffle: false, seed: 0, epoch: 0, cancellation: cancellation))
                {
                    using var step = NewDisposeScope();
                    using var x = input;
                    using var y = target;
                    using var noGrad = torch.no_grad();
                    var (maxLog, _) = nn.functional.log_softmax(model.forward(x), 1, ScalarType.Float32).max(1);
                    scores.Add(maxLog.exp().clamp_(0, 1).DetachFromDisposeScope());
                }
            });
            if (scores.Count == 0) return [];
            using var all = torch.cat(scores);
            return all.data<float>();
        }
        finally
        {
            foreach (var s in scores) s.Dispose();
        }
    }

    internal static void InEvalMode(nn.Module<Tensor, Tensor> model, Action action)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = NewDisposeScope();
            action();
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
