using Microsoft.Extensions.Logging;
using SparseDsl.Data;
using SparseDsl.Evaluation;
using SparseDsl.Modeling;
using SparseDsl.Runner.Options;

namespace SparseDsl.Runner.Experiments;

/// <summary>
/// The test-set metrics of a trained model in one pass (top-1/top-5, NLL, ECE), then the OoD sets and attacks asked for.
/// Used at the end of every training run (OoD and attacks off unless configured) and by the <c>eval</c> command.
/// </summary>
internal static class ModelEvaluation
{
    public static (MetricsOutcome Metrics, Calibration Calibration) Run(SparseModule model, IBatchSource test, string dataset,
        EvalOptions eval, IReadOnlyList<OodRequest> oodSets, IReadOnlyList<string> attacks, ILogger logger, CancellationToken cancellation)
    {
        var metrics = MetricsEvaluator.Evaluate(model, test, eval.BatchSize, cancellation);
        var ood = new List<OodOutcome>();
        foreach (var request in oodSets)
        {
            var source = OodSources.Create(request, test, model.Info.InputShape, eval.Seed, eval.Limit);
            try
            {
                var scores = MetricsEvaluator.MaxSoftmaxScores(model, source, eval.BatchSize, cancellation);
                var detection = OodDetection.Compute(metrics.Confidences, scores);
                ood.Add(new OodOutcome(request.Name, detection.Auroc, detection.FprAt95Tpr, detection.OutCount));
                logger.LogInformation("OoD {Set}: AUROC {Auroc:0.0000}, FPR@95%TPR {Fpr:0.0000}", request.Name, detection.Auroc, detection.FprAt95Tpr);
            }
            finally
            {
                if (source is DeviceBatches loaded) loaded.Dispose();
            }
        }
        var robust = new List<RobustOutcome>();
        if (attacks.Count > 0)
        {
            var normalization = InputNormalization.Of(test);
            var epsilon = eval.EpsilonFor(dataset);
            foreach (var name in attacks)
            {
                var attack = name == "fgsm"
                    ? new AdversarialAttack(AttackKind.Fgsm, epsilon, Steps: 1, Seed: eval.Seed)
                    : new AdversarialAttack(AttackKind.Pgd, epsilon, eval.PgdSteps, eval.StepSize, eval.Seed);
                var result = Adversarial.Evaluate(model, test, attack, normalization, eval.BatchSize, cancellation);
                robust.Add(new RobustOutcome(attack.Name, attack.Epsilon, attack.Steps, attack.StepSize, result.Accuracy, result.Count));
                logger.LogInformation("{Attack}: accuracy {Accuracy:P2}", attack, result.Accuracy);
            }
        }
        var c = metrics.Calibration;
        return (new MetricsOutcome(metrics.Count, metrics.Top1, metrics.Top5, metrics.Nll, c.Ece, c.Bins, ood, robust), c);
    }
}
