using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Evaluation;

/// <summary>
/// Accumulates classification metrics batch by batch. Sums (NLL, top-1, top-5 hits) stay on the device; per sample only
/// the confidence and whether the prediction was right are kept (on the device too), so logits are never gathered and
/// the host synchronises once, in <see cref="Finish"/>.
/// </summary>
public sealed class PredictionAccumulator : IDisposable
{
    private readonly List<Tensor> confidences = [];
    private readonly List<Tensor> hits = [];
    private readonly Tensor nllSum;
    private readonly Tensor top1;
    private readonly Tensor top5;
    private long count;

    public PredictionAccumulator(int classes, Device device, int bins = Calibration.DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Classes = classes;
        Bins = bins;
        nllSum = torch.zeros([1], ScalarType.Float64, device).DetachFromDisposeScope();
        top1 = torch.zeros([1], ScalarType.Int64, device).DetachFromDisposeScope();
        top5 = torch.zeros([1], ScalarType.Int64, device).DetachFromDisposeScope();
    }

    public int Classes { get; }

    public int Bins { get; }

    private bool WantsTop5 => Classes >= ClassificationMetrics.Top5MinimumClasses;

    /// <summary>Adds a batch: <paramref name="logits"/> [B, classes], <paramref name="targets"/> int64 [B].</summary>
    public void Add(Tensor logits, Tensor targets)
    {
        if (logits.dim() != 2 || logits.size(1) != Classes)
            throw new ArgumentException($"logits must be [batch, {Classes}], got [{string.Join(", ", logits.shape)}].", nameof(logits));
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        var logProbabilities = nn.functional.log_softmax(logits, 1, ScalarType.Float32);
        nllSum.add_(nn.functional.nll_loss(logProbabilities, targets, reduction: nn.Reduction.Sum));
        var (maxLog, predicted) = logProbabilities.max(1);
        var right = predicted.eq(targets);
        top1.add_(right.sum());
        if (WantsTop5)
        {
            var (_, best5) = logProbabilities.topk(5, 1);
            top5.add_(best5.eq(targets.unsqueeze(1)).sum());
        }
        confidences.Add(maxLog.exp().clamp_(0, 1).DetachFromDisposeScope());
        hits.Add(right.DetachFromDisposeScope());
        count += targets.size(0);
    }

    public ClassificationMetrics Finish()
    {
        if (count == 0) throw new InvalidOperationException("No samples were evaluated.");
        using var scope = NewDisposeScope();
        var confidence = torch.cat(confidences).data<float>();
        var correct = torch.cat(hits).data<bool>();
        var calibration = Calibration.Compute(confidence, correct, Bins);
        double? top5Accuracy = WantsTop5 ? (double)top5.item<long>() / count : null;
        return new ClassificationMetrics(count, Classes, (double)top1.item<long>() / count, top5Accuracy, nllSum.item<double>() / count,
            calibration, confidence);
    }

    public void Dispose()
    {
        foreach (var t in confidences) t.Dispose();
        foreach (var t in hits) t.Dispose();
        confidences.Clear();
        hits.Clear();
        nllSum.Dispose();
        top1.Dispose();
        top5.Dispose();
    }
}
