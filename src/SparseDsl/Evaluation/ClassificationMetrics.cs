namespace SparseDsl.Evaluation;

/// <summary>
/// What one pass over a labelled set gives: top-1 and (with more than 10 classes) top-5 accuracy, the mean negative
/// log-likelihood of the true class, the calibration (15 bins), and each sample's confidence (maximum softmax
/// probability, the in-distribution side of OoD detection).
/// </summary>
public sealed record ClassificationMetrics(long Count, int Classes, double Top1, double? Top5, double Nll, Calibration Calibration, float[] Confidences)
{
    /// <summary>Top-5 is reported for more than this many classes (with 10 or fewer it is close to meaningless).</summary>
    public const int Top5MinimumClasses = 11;
}
