using System.Text.Json.Serialization;

namespace SparseDsl.Training;

/// <summary>
/// The hyper-parameters of one training run. Defaults follow the paper's CIFAR recipe (SGD, Nesterov momentum 0.9,
/// lr 0.1, weight decay 5e-4, batch 128, lr ×0.1 at 50% and 75% of training), with fewer epochs.
/// </summary>
public sealed record TrainingSettings
{
    public int Epochs { get; init; } = 3;
    public int BatchSize { get; init; } = 128;
    public double LearningRate { get; init; } = 0.1;
    public double Momentum { get; init; } = 0.9;
    public bool Nesterov { get; init; } = true;
    public double WeightDecay { get; init; } = 5e-4;

    /// <summary>Epochs, as fractions of <see cref="Epochs"/>, after which the learning rate is multiplied by <see cref="Gamma"/>.</summary>
    public double[] MilestoneFractions { get; init; } = [0.5, 0.75];
    public double Gamma { get; init; } = 0.1;
    public double LabelSmoothing { get; init; }
    public long Seed { get; init; } = 17;

    /// <summary>
    /// Linear warm-up at the start of training (the ImageNet recipe's 5 epochs), or null for none. Left out of the
    /// JSON when null, so checkpoints of runs without warm-up stay resumable.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LinearWarmup? Warmup { get; init; }

    /// <summary>
    /// Forward-pass arithmetic (float32, or bfloat16/float16 autocast). Left out of the JSON when float32, so
    /// checkpoints and run folders of float32 runs keep the names and hashes they had before the option existed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Precision Precision { get; init; }

    /// <summary>Milestone epochs: each fraction of <see cref="Epochs"/>, rounded, kept when inside the run.</summary>
    public int[] MilestoneEpochs() =>
        [.. MilestoneFractions.Select(f => (int)Math.Round(f * Epochs)).Where(e => e > 0 && e < Epochs).Distinct().Order()];
}

/// <summary>
/// Per-epoch linear warm-up, as PyTorch's <c>LinearLR(start_factor, 1.0, total_iters=Epochs)</c> before the main
/// schedule: epoch e (0-based) of the first <see cref="Epochs"/> trains at
/// lr · (<see cref="StartFactor"/> + (1 − <see cref="StartFactor"/>) · e / <see cref="Epochs"/>), then at the full rate.
/// </summary>
public sealed record LinearWarmup(int Epochs, double StartFactor);
