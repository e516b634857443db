using SparseDsl.Torch;

namespace SparseDsl.Runner.Options;

/// <summary>Range and consistency rules of the bound options; each problem names its key and what is allowed.</summary>
internal static class OptionsRules
{
    public static IEnumerable<string> Check(RunnerOptions o, Func<string, bool> isKnownModel)
    {
        var e = o.Experiment;
        if (!isKnownModel(e.Model)) yield return $"Experiment:Model: unknown model '{e.Model}'. Run the `models` command to list them.";
        if (e.Policies.Count == 0) yield return $"Experiment:Policies: give at least one of {string.Join(", ", PolicyNames.All)}.";
        foreach (var (policy, i) in e.Policies.Select((p, i) => (p, i)))
            if (!PolicyNames.TryParse(policy, out _))
                yield return $"Experiment:Policies:{i}: unknown policy '{policy}'; expected one of {string.Join(", ", PolicyNames.All)}.";
        if (e.Density is <= 0 or > 1 || double.IsNaN(e.Density)) yield return $"Experiment:Density: {e.Density} is outside (0, 1] (0.1 means 90% sparsity).";

        var t = o.Training;
        if (t.Epochs <= 0) yield return $"Training:Epochs: {t.Epochs} must be at least 1.";
        if (t.BatchSize <= 0) yield return $"Training:BatchSize: {t.BatchSize} must be at least 1.";
        if (t.LearningRate <= 0 || double.IsNaN(t.LearningRate)) yield return $"Training:LearningRate: {t.LearningRate} must be positive.";
        if (t.Momentum is < 0 or >= 1) yield return $"Training:Momentum: {t.Momentum} must be in [0, 1).";
        if (t.Nesterov && t.Momentum == 0) yield return "Training:Nesterov: Nesterov momentum needs Training:Momentum > 0.";
        if (t.WeightDecay < 0) yield return $"Training:WeightDecay: {t.WeightDecay} must be non-negative.";
        if (t.Gamma is <= 0 or > 1) yield return $"Training:Gamma: {t.Gamma} must be in (0, 1].";
        if (t.LabelSmoothing is < 0 or >= 1) yield return $"Training:LabelSmoothing: {t.LabelSmoothing} must be in [0, 1).";
        foreach (var (f, i) in t.MilestoneFractions.Select((f, i) => (f, i)))
            if (f is <= 0 or >= 1) yield return $"Training:MilestoneFractions:{i}: {f} must be in (0, 1) (a fraction of Training:Epochs).";

        var d = o.Data;
        if (d.Dataset is not ("fashion-mnist" or "mnist")) yield return $"Data:Dataset: unknown dataset '{d.Dataset}'; expected fashion-mnist or mnist.";
        if (d.TrainLimit < 0) yield return $"Data:TrainLimit: {d.TrainLimit} must be 0 (all images) or more.";
        if (d.ValidationFraction is < 0 or >= 1) yield return $"Data:ValidationFraction: {d.ValidationFraction} must be in [0, 1).";

        var r = o.Runtime;
        if (r.Device != "auto" && !IsDevice(r.Device)) yield return $"Runtime:Device: '{r.Device}' is not a device; expected auto, cpu, cuda or cuda:N.";
        if (r.Threads < 0) yield return $"Runtime:Threads: {r.Threads} must be 0 (one per processor) or more.";
    }

    private static bool IsDevice(string text)
    {
        try
        {
            _ = new Device(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
