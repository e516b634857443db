using SparseDsl.Training;

namespace SparseDsl.Runner.Options;

/// <summary>Section "Training": the optimiser and schedule (see <see cref="TrainingSettings"/>).</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    public int Epochs { get; set; } = 3;
    public int BatchSize { get; set; } = 128;
    public double LearningRate { get; set; } = 0.1;
    public double Momentum { get; set; } = 0.9;
    public bool Nesterov { get; set; } = true;
    public double WeightDecay { get; set; } = 5e-4;
    public List<double> MilestoneFractions { get; set; } = [];
    public double Gamma { get; set; } = 0.1;
    public double LabelSmoothing { get; set; }

    /// <summary>Epochs of linear warm-up before the step schedule (0 = none); the ImageNet recipe uses 5.</summary>
    public int WarmupEpochs { get; set; }

    /// <summary>The first warm-up epoch trains at LearningRate × this factor, rising linearly to LearningRate (PyTorch's LinearLR start_factor).</summary>
    public double WarmupStartFactor { get; set; } = 0.1;

    /// <summary>fp32, bf16 (bfloat16 autocast; CPU or CUDA) or fp16 (float16 autocast with loss scaling; CUDA only).</summary>
    public string Precision { get; set; } = "fp32";

    /// <summary>The names <see cref="Precision"/> accepts.</summary>
    public static readonly IReadOnlyDictionary<string, Training.Precision> PrecisionNames = new Dictionary<string, Training.Precision>(StringComparer.OrdinalIgnoreCase)
    {
        ["fp32"] = Training.Precision.Fp32,
        ["bf16"] = Training.Precision.Bf16,
        ["fp16"] = Training.Precision.Fp16,
    };

    public TrainingSettings ToSettings(long seed) => new()
    {
        Epochs = Epochs,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Momentum = Momentum,
        Nesterov = Nesterov,
        WeightDecay = WeightDecay,
        MilestoneFractions = MilestoneFractions.Count > 0 ? [.. MilestoneFractions] : [0.5, 0.75],
        Gamma = Gamma,
        LabelSmoothing = LabelSmoothing,
        Warmup = WarmupEpochs > 0 ? new LinearWarmup(WarmupEpochs, WarmupStartFactor) : null,
        Seed = seed,
        Precision = PrecisionNames.GetValueOrDefault(Precision),
    };
}
