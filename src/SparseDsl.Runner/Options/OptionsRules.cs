using SparseDsl.Sparsity;
using SparseDsl.Torch;

namespace SparseDsl.Runner.Options;

/// <summary>Range and consistency rules of the bound options; each problem names its key and what is allowed.</summary>
internal static class OptionsRules
{
    public static IEnumerable<string> Check(RunnerOptions o, Func<string, bool> isKnownModel, PolicyNames policies)
    {
        var e = o.Experiment;
        if (e.Models.Count == 0) yield return "Experiment:Models: give at least one model (run the `models` command to list them).";
        foreach (var (model, i) in e.Models.Select((m, i) => (m, i)))
            if (!isKnownModel(model)) yield return $"Experiment:Models:{i}: unknown model '{model}'. Run the `models` command to list them.";
        if (e.Policies.Count == 0) yield return $"Experiment:Policies: give at least one of {policies.Allowed}.";
        foreach (var (policy, i) in e.Policies.Select((p, i) => (p, i)))
            if (!policies.IsKnown(policy))
                yield return $"Experiment:Policies:{i}: unknown policy '{policy}'; expected one of {policies.Allowed}.";
            else if (RatioPolicy.TryParse(policy, out var parsed) && parsed.IsExplicit && e.LayerDensities.Count == 0)
                yield return $"Experiment:Policies:{i}: the explicit policy needs Experiment:LayerDensities:<layer or kind>=<density>.";
            else
                foreach (var problem in GridProblems(e, policies, policy, i, isKnownModel)) yield return problem;
        foreach (var (selector, i) in e.KeepDense.Select((s, i) => (s, i)))
            if (string.IsNullOrWhiteSpace(selector)) yield return $"Experiment:KeepDense:{i}: give a layer name, a kind (Conv2d, Linear), first or classifier.";
        foreach (var (selector, density) in e.LayerDensities)
            if (density is <= 0 or > 1 || double.IsNaN(density)) yield return $"Experiment:LayerDensities:{selector}: {density} is outside (0, 1].";
        if (e.ClassifierDensity is <= 0 or > 1 || double.IsNaN(e.ClassifierDensity)) yield return $"Experiment:ClassifierDensity: {e.ClassifierDensity} is outside (0, 1].";
        if (e.Densities.Count == 0 && e.Policies.Any(p => RatioPolicy.TryParse(p, out var r) && r!.Name != "dense" && !r.IsExplicit))
            yield return "Experiment:Densities: give at least one density in (0, 1] for the sparse policies (0.1 means 90% sparsity).";
        foreach (var (density, i) in e.Densities.Select((d, i) => (d, i)))
            if (density is <= 0 or > 1 || double.IsNaN(density)) yield return $"Experiment:Densities:{i}: {density} is outside (0, 1] (0.1 means 90% sparsity).";
        if (e.Seeds.Count == 0) yield return "Experiment:Seeds: give at least one seed (the paper's code uses 17).";

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
        foreach (var problem in WarmupProblems(t)) yield return problem;
        if (!TrainingOptions.PrecisionNames.ContainsKey(t.Precision))
            yield return $"Training:Precision: '{t.Precision}' is not valid; expected fp32, bf16 (CPU or CUDA) or fp16 (CUDA).";
        else if (TrainingOptions.PrecisionNames[t.Precision] == Training.Precision.Fp16 && o.Runtime.Device.Equals("cpu", StringComparison.OrdinalIgnoreCase))
            yield return "Training:Precision: fp16 needs a CUDA device (libtorch has no float16 convolution on the CPU); use bf16 with Runtime:Device=cpu.";

        var d = o.Data;
        if (d.Dataset is not ("fashion-mnist" or "mnist" or "cifar10" or "cifar100" or "imagefolder"))
            yield return $"Data:Dataset: unknown dataset '{d.Dataset}'; expected fashion-mnist, mnist, cifar10, cifar100 or imagefolder.";
        if (d.Augment is not ("auto" or "on" or "off")) yield return $"Data:Augment: '{d.Augment}' is not valid; expected auto, on or off.";
        if (d.Prefetch < 0) yield return $"Data:Prefetch: {d.Prefetch} must be 0 (no prefetch) or more.";
        if (d.Workers < 0) yield return $"Data:Workers: {d.Workers} must be 0 (processors − 1) or more.";
        if (d.TrainLimit < 0) yield return $"Data:TrainLimit: {d.TrainLimit} must be 0 (all images) or more.";
        if (d.ValidationFraction is < 0 or >= 1) yield return $"Data:ValidationFraction: {d.ValidationFraction} must be in [0, 1).";

        if (o.Output.Progress is not ("auto" or "live" or "log")) yield return $"Output:Progress: '{o.Output.Progress}' is not valid; expected auto, live or log.";
        if (o.Output.LogInterval is < 0 or > 86400 || double.IsNaN(o.Output.LogInterval))
            yield return $"Output:LogInterval: {o.Output.LogInterval} must be between 0 (a line every step) and 86400 seconds.";
        if (string.IsNullOrWhiteSpace(o.Output.Root)) yield return "Output:Root: give a folder for run folders (default: runs).";
        if (o.Sweep.Index < -1) yield return $"Sweep:Index: {o.Sweep.Index} must be -1 (all grid points) or a grid point index.";

        foreach (var problem in o.Eval.Problems()) yield return problem;

        var r = o.Runtime;
        if (r.Device != "auto" && !IsDevice(r.Device)) yield return $"Runtime:Device: '{r.Device}' is not a device; expected auto, cpu, cuda or cuda:N.";
        if (r.Threads < 0) yield return $"Runtime:Threads: {r.Threads} must be 0 (one per processor) or more.";
        if (r.Backend is not ("auto" or "gloo" or "nccl")) yield return $"Runtime:Backend: '{r.Backend}' is not valid; expected auto, gloo or nccl.";
        if (r.DistributedTimeout <= 0) yield return $"Runtime:DistributedTimeout: {r.DistributedTimeout} must be a positive number of seconds.";
        if (r.MemoryFormat is not ("contiguous" or "channels_last"))
            yield return $"Runtime:MemoryFormat: '{r.MemoryFormat}' is not valid; expected contiguous or channels_last.";
        else if (r.Device.Equals("cpu", StringComparison.OrdinalIgnoreCase) && r.LayoutProblem(Torch.DeviceType.CPU) is { } layout)
            yield return layout;
        if (r.BucketMb <= 0 || double.IsNaN(r.BucketMb)) yield return $"Runtime:BucketMb: {r.BucketMb} must be positive (MiB of gradients per all-reduce).";
    }

    private static IEnumerable<string> WarmupProblems(TrainingOptions t)
    {
        if (t.WarmupStartFactor is <= 0 or > 1 || double.IsNaN(t.WarmupStartFactor))
            yield return $"Training:WarmupStartFactor: {t.WarmupStartFactor} must be in (0, 1] (the first warm-up epoch's share of Training:LearningRate).";
        if (t.WarmupEpochs < 0) yield return $"Training:WarmupEpochs: {t.WarmupEpochs} must be 0 (no warm-up) or more.";
        if (t.WarmupEpochs <= 0 || t.Epochs <= 0) yield break;
        if (t.WarmupEpochs >= t.Epochs)
        {
            yield return $"Training:WarmupEpochs: {t.WarmupEpochs} must be less than Training:Epochs ({t.Epochs}); lower it, or set 0 for no warm-up.";
            yield break;
        }
        var early = t.ToSettings(0).MilestoneEpochs().Where(m => m <= t.WarmupEpochs).ToList();
        if (early.Count > 0)
            yield return $"Training:MilestoneFractions: milestone epoch(s) {string.Join(", ", early)} of {t.Epochs} fall inside the " +
                $"{t.WarmupEpochs} warm-up epochs (Training:WarmupEpochs); use fractions above {(double)t.WarmupEpochs / t.Epochs:0.###}, or fewer warm-up epochs.";
    }

    /// <summary>
    /// Every model × density of one policy must be computable: checked now, with the code the runs would use, so that a
    /// budget the rules cannot meet stops the sweep before its first run instead of at that grid point.
    /// </summary>
    private static IEnumerable<string> GridProblems(ExperimentOptions e, PolicyNames policies, string policy, int i, Func<string, bool> isKnownModel)
    {
        var takesDensities = RatioPolicy.TryParse(policy, out var builtIn) && builtIn.Name != "dense" && !builtIn.IsExplicit;
        var densities = policies.GridDensities(policy, e.Densities);
        foreach (var (model, j) in e.Models.Select((m, j) => (m, j)))
        {
            if (!isKnownModel(model)) continue;
            foreach (var (density, k) in densities.Select((d, k) => (d, k)))
            {
                // Densities outside (0, 1] are reported on their own.
                if (takesDensities && !DensityAllocator.IsDensity(density)) continue;
                if (policies.Problem(policy, model, density, e) is not { } problem) continue;
                var at = takesDensities ? $" at Experiment:Densities:{k}={density.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "";
                yield return $"Experiment:Policies:{i} ({policies.Canonical(policy)}){at} with Experiment:Models:{j} ({model}): {problem}";
                // One density or a declared policy's own: report the first problem per model.
                break;
            }
        }
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
