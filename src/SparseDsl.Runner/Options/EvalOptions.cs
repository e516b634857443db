using System.Globalization;

namespace SparseDsl.Runner.Options;

/// <summary>
/// Section "Eval": the metrics beyond accuracy, for the <c>eval</c> command and (when asked) at the end of training runs.
/// Lists left empty take the command's default: <c>eval</c> runs every OoD set and attack, training runs none.
/// </summary>
public sealed class EvalOptions
{
    public const string Section = "Eval";

    public static readonly string[] SyntheticOoD = ["gaussian", "uniform", "vflip"];
    public static readonly string[] DatasetOoD = ["fashion-mnist", "mnist", "cifar10", "cifar100"];
    public static readonly string[] AttackNames = ["fgsm", "pgd"];

    /// <summary>eval: the checkpoint to evaluate (runs/&lt;folder&gt;/best.safetensors or latest.safetensors).</summary>
    public string Checkpoint { get; set; } = "";

    /// <summary>OoD sets: gaussian, uniform, vflip (the test set upside down), a dataset (mnist=/path), or none.</summary>
    public List<string> OoD { get; set; } = [];

    /// <summary>Attacks: fgsm, pgd, or none.</summary>
    public List<string> Attacks { get; set; } = [];

    /// <summary>L∞ budget in pixel units ([0, 1], before normalisation): auto, a number (0.1) or a fraction (8/255).</summary>
    public string Epsilon { get; set; } = "auto";

    public int PgdSteps { get; set; } = Evaluation.AdversarialAttack.DefaultSteps;

    /// <summary>PGD step in pixel units: auto (2.5·ε/steps), a number or a fraction.</summary>
    public string PgdStepSize { get; set; } = "auto";

    /// <summary>Batch size of evaluation and attacks.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Evaluate only the first N test images (0 = all): for quick checks.</summary>
    public int Limit { get; set; }

    /// <summary>Seed of PGD's random start and of the noise OoD sets.</summary>
    public long Seed { get; set; }

    /// <summary>eval: folder for eval.json and reliability.svg (default: the checkpoint's folder).</summary>
    public string Output { get; set; } = "";

    /// <summary>eval: where the dataset is (default: the path stored in the checkpoint's configuration).</summary>
    public string DataPath { get; set; } = "";

    /// <summary>ε for a dataset: the given value, or under auto 8/255 for CIFAR, 0.1 for Fashion-MNIST, 0.3 for MNIST, 4/255 for image folders.</summary>
    public double EpsilonFor(string dataset) => Epsilon.Equals("auto", StringComparison.OrdinalIgnoreCase)
        ? dataset switch
        {
            "cifar10" or "cifar100" => 8.0 / 255,
            "mnist" => 0.3,
            "imagefolder" => 4.0 / 255,
            _ => 0.1,
        }
        : ParseBudget(Epsilon)!.Value;

    public double? StepSize => PgdStepSize.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : ParseBudget(PgdStepSize);

    /// <summary>A number (0.1) or a fraction (8/255); null when neither.</summary>
    public static double? ParseBudget(string text)
    {
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length > 2) return null;
        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        if (parts.Length == 2)
        {
            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var divisor) || divisor == 0) return null;
            value /= divisor;
        }
        return double.IsFinite(value) ? value : null;
    }

    /// <summary>The OoD sets to run: the list, or <paramref name="fallback"/> when it is empty; none gives none.</summary>
    public IReadOnlyList<OodRequest> OodSets(IReadOnlyList<string> fallback) =>
        [.. Effective(OoD, fallback).Select(OodRequest.Parse)];

    public IReadOnlyList<string> AttackSet(IReadOnlyList<string> fallback) =>
        [.. Effective(Attacks, fallback).Select(a => a.ToLowerInvariant())];

    private static IEnumerable<string> Effective(List<string> given, IReadOnlyList<string> fallback) =>
        given.Count == 0 ? fallback : given.Any(v => v.Equals("none", StringComparison.OrdinalIgnoreCase)) ? [] : given;

    internal IEnumerable<string> Problems()
    {
        foreach (var (item, i) in OoD.Select((v, i) => (v, i)))
        {
            var request = OodRequest.Parse(item);
            if (item.Equals("none", StringComparison.OrdinalIgnoreCase)) continue;
            if (!SyntheticOoD.Contains(request.Name) && !DatasetOoD.Contains(request.Name))
                yield return $"Eval:OoD:{i}: unknown OoD set '{item}'; expected {string.Join(", ", SyntheticOoD)}, none, or a dataset " +
                    $"({string.Join(", ", DatasetOoD)}) as name=path (fashion-mnist may omit its path).";
            else if (DatasetOoD.Contains(request.Name) && request.Path is null && request.Name != "fashion-mnist")
                yield return $"Eval:OoD:{i}: give the folder of {request.Name}, as {request.Name}=/path/to/{request.Name}.";
        }
        if (OoD.Count > 1 && OoD.Any(v => v.Equals("none", StringComparison.OrdinalIgnoreCase)))
            yield return "Eval:OoD: 'none' cannot be combined with OoD sets.";
        foreach (var (item, i) in Attacks.Select((v, i) => (v, i)))
            if (!AttackNames.Contains(item.ToLowerInvariant()) && !item.Equals("none", StringComparison.OrdinalIgnoreCase))
                yield return $"Eval:Attacks:{i}: unknown attack '{item}'; expected fgsm, pgd or none.";
        if (!Epsilon.Equals("auto", StringComparison.OrdinalIgnoreCase) && ParseBudget(Epsilon) is not (>= 0 and <= 1))
            yield return $"Eval:Epsilon: '{Epsilon}' is not valid; expected auto, or a budget in [0, 1] pixel units such as 0.1 or 8/255.";
        if (!PgdStepSize.Equals("auto", StringComparison.OrdinalIgnoreCase) && ParseBudget(PgdStepSize) is not (> 0 and <= 1))
            yield return $"Eval:PgdStepSize: '{PgdStepSize}' is not valid; expected auto (2.5·ε/steps), or a step in (0, 1] such as 0.01 or 2/255.";
        if (PgdSteps < 1) yield return $"Eval:PgdSteps: {PgdSteps} must be at least 1.";
        if (BatchSize < 1) yield return $"Eval:BatchSize: {BatchSize} must be at least 1.";
        if (Limit < 0) yield return $"Eval:Limit: {Limit} must be 0 (all test images) or more.";
    }
}

/// <summary>One OoD set: a synthetic one by name, or a dataset with its folder (name=path).</summary>
public sealed record OodRequest(string Name, string? Path)
{
    public static OodRequest Parse(string text)
    {
        var equals = text.IndexOf('=');
        return equals < 0
            ? new OodRequest(text.Trim().ToLowerInvariant(), null)
            : new OodRequest(text[..equals].Trim().ToLowerInvariant(), text[(equals + 1)..].Trim());
    }

    public bool IsSynthetic => EvalOptions.SyntheticOoD.Contains(Name);

    public override string ToString() => Name;
}
