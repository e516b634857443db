using SparseDsl.Evaluation;

namespace SparseDsl.Runner.Experiments;

/// <summary>Detection of one OoD set by the maximum softmax probability.</summary>
public sealed record OodOutcome(string Set, double Auroc, double FprAt95Tpr, long Count);

/// <summary>Accuracy under one attack.</summary>
public sealed record RobustOutcome(string Attack, double Epsilon, int Steps, double StepSize, double Accuracy, long Count);

/// <summary>
/// The test-set metrics of a run or an eval: top-1, top-5 (more than 10 classes), NLL, ECE with its 15 bins, and, when
/// asked for, OoD detection and adversarial accuracy (written into result.json and eval.json).
/// </summary>
public sealed record MetricsOutcome(long Count, double Top1, double? Top5, double Nll, double Ece, IReadOnlyList<CalibrationBin> Bins,
    IReadOnlyList<OodOutcome> OoD, IReadOnlyList<RobustOutcome> Adversarial);
