using System.Globalization;
using System.Text.Json;
using SparseDsl.Modeling;
using SparseDsl.Torch;
using SparseDsl.Torch.Optim;
using SparseDsl.Training;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Checkpoints;

/// <summary>
/// A training checkpoint read from disk, validated (format, content hash, required metadata) but not yet applied.
/// <see cref="RestoreTraining"/> puts a run back exactly where it was; <see cref="RestoreModel"/> loads weights,
/// masks and buffers only (for evaluation). Both refuse a checkpoint of another model, policy or shape first.
/// </summary>
public sealed partial class TrainingCheckpoint
{
    private TrainingCheckpoint(string path, SafetensorsFile content, CheckpointIdentity identity, int epoch,
        IReadOnlyList<EpochMetrics> history, string trainingSettings, string configuration)
    {
        (Path, Content, Identity, Epoch, History, TrainingSettings, Configuration) =
            (path, content, identity, epoch, history, trainingSettings, configuration);
    }

    public string Path { get; }

    /// <summary>The raw content: every tensor and metadata pair.</summary>
    public SafetensorsFile Content { get; }

    public CheckpointIdentity Identity { get; }

    /// <summary>Completed epochs; a resumed run continues with epoch <c>Epoch + 1</c>.</summary>
    public int Epoch { get; }

    /// <summary>The metrics of the completed epochs, in order.</summary>
    public IReadOnlyList<EpochMetrics> History { get; }

    /// <summary>The training settings the run used, as JSON.</summary>
    public string TrainingSettings { get; }

    /// <summary>The configuration the caller stored, as given.</summary>
    public string Configuration { get; }

    /// <summary>Reads and validates <paramref name="path"/>; throws <see cref="CheckpointFormatException"/> on any defect.</summary>
    public static TrainingCheckpoint Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        return Load(stream, path);
    }

    /// <summary>Reads and validates a checkpoint from a seekable <paramref name="stream"/>; <paramref name="path"/> names it in errors.</summary>
    public static TrainingCheckpoint Load(Stream stream, string path)
    {
        var file = SafetensorsReader.Read(stream, path);
        ContentHash.Verify(file, path);
        var metadata = file.Metadata;
        string Required(string key) => metadata.TryGetValue(key, out var value)
            ? value
            : throw new CheckpointFormatException(path, $"metadata '{key}' is missing");
        if (Required(CheckpointKeys.Format) is var format && format != CheckpointKeys.FormatValue)
            throw new CheckpointFormatException(path, $"format '{format}' is not '{CheckpointKeys.FormatValue}'");
        var epochText = Required(CheckpointKeys.Epoch);
        if (!int.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            throw new CheckpointFormatException(path, $"epoch '{epochText}' is not a non-negative whole number");
        List<EpochMetrics>? history;
        try
        {
            history = CheckpointJson.DeserializeHistory(Required(CheckpointKeys.History));
        }
        catch (JsonException e)
        {
            throw new CheckpointFormatException(path, $"the history is not valid: {e.Message}", e);
        }
        if (history is null || history.Any(m => m is null))
            throw new CheckpointFormatException(path, "the history is not a list of epoch metrics");
        if (history.Count != epoch)
            throw new CheckpointFormatException(path, $"the history holds {history.Count} epochs but the checkpoint is at epoch {epoch}");
        return new TrainingCheckpoint(path, file, new CheckpointIdentity(Required(CheckpointKeys.Model), Required(CheckpointKeys.Policy)),
            epoch, history, Required(CheckpointKeys.Training), Required(CheckpointKeys.Configuration));
    }

    /// <summary>Copies the model's parameters, masks and buffers from the checkpoint into <paramref name="model"/>.</summary>
    public void RestoreModel(SparseModule model, CheckpointIdentity run)
    {
        ArgumentNullException.ThrowIfNull(model);
        RequireIdentity(run);
        CopyInto(MatchModelTensors(model));
    }

    /// <summary>
    /// Restores model, optimizer, schedule and torch's CPU generator so that training epoch <see cref="Epoch"/> + 1
    /// runs exactly as in the interrupted run. Everything is checked before anything changes: identity, tensor names
    /// and shapes, training settings, optimizer and schedule types and keys.
    /// </summary>
    public void RestoreTraining(TrainingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        RequireIdentity(state.Identity);
        var modelTensors = MatchModelTensors(state.Model);
        RequireSameSettings(state.Settings);
        RequireType(CheckpointKeys.OptimizerType, state.Optimizer.GetType().Name, "optimizer");
        RequireType(CheckpointKeys.SchedulerType, state.Schedule.GetType().Name, "schedule");
        var schedule = PrefixedNumbers(CheckpointKeys.SchedulerPrefix);
        var expectedScheduleKeys = state.Schedule.state_dict().Keys.ToHashSet(StringComparer.Ordinal);
        if (!expectedScheduleKeys.SetEquals(schedule.Keys))
            throw Mismatch($"the schedule state has keys [{string.Join(", ", schedule.Keys.Order(StringComparer.Ordinal))}] but this {state.Schedule.GetType().Name} has [{string.Join(", ", expectedScheduleKeys.Order(StringComparer.Ordinal))}]");
        var rng = Content.Find(CheckpointKeys.TorchCpuRngState) is { Dtype: SafetensorsDtype.U8, Shape.Count: 1 } found
            ? found
            : throw new CheckpointFormatException(Path, $"tensor '{CheckpointKeys.TorchCpuRngState}' (U8, one dimension) is missing");
        var scalerState = state.Scaler is { IsEnabled: true } s ? ScalerState(s) : default;

        using var scope = NewDisposeScope();
        using (var optimizerState = OptimizerState())
        {
            try
            {
                // All or nothing inside the optimizer: a buffer that does not fit leaves it unchanged.
                state.Optimizer.load_state_dict(optimizerState);
            }
            catch (Exception e) when (e is ArgumentException or TorchException)
            {
                throw Mismatch($"the optimizer state does not fit this model's parameters: {e.Message}");
            }
        }
        state.Schedule.load_state_dict(schedule);
        if (state.Scaler is { IsEnabled: true } scaler) scaler.load_state(scalerState.Scale, scalerState.GrowthTracker);
        CopyInto(modelTensors);
        torch.random.set_rng_state(TensorBytes.ToTensor(rng));
    }

    /// <summary>The float16 loss scaler's scale and growth tracker, checked as the scaler would check them.</summary>
    private (double Scale, int GrowthTracker) ScalerState(Torch.Amp.GradScaler scaler)
    {
        Content.Metadata.TryGetValue(CheckpointKeys.GradScalerScale, out var scaleText);
        Content.Metadata.TryGetValue(CheckpointKeys.GradScalerGrowthTracker, out var trackerText);
        if (scaleText is null || !double.TryParse(scaleText, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || !(scale > 0) || double.IsInfinity(scale)
            || trackerText is null || !int.TryParse(trackerText, NumberStyles.None, CultureInfo.InvariantCulture, out var tracker) || tracker >= scaler.GrowthInterval)
            throw new CheckpointFormatException(Path, $"metadata '{CheckpointKeys.GradScalerScale}' (a positive number) and " +
                $"'{CheckpointKeys.GradScalerGrowthTracker}' (a count below {scaler.GrowthInterval}) are missing or invalid; a float16 run's checkpoint needs both");
        return (scale, tracker);
    }

    private void RequireIdentity(CheckpointIdentity run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run != Identity)
            throw Mismatch($"checkpoint is for model {Identity.Model} / policy {Identity.Policy}, this run is {run.Model} / {run.Policy}");
    }

    /// <summary>Pairs each model tensor with its checkpoint entry; any missing, extra or reshaped tensor is refused, all named.</summary>
    private List<(Tensor Target, SafetensorsTensor Source)> MatchModelTensors(SparseModule model)
    {
        var stored = Content.Tensors.Where(t => !CheckpointKeys.IsReserved(t.Name)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var pairs = new List<(Tensor, SafetensorsTensor)>();
        var problems = new List<string>();
        foreach (var (name, tensor) in model.state_dict())
        {
            if (!stored.Remove(name, out var entry))
            {
                problems.Add($"{name} is missing");
                continue;
            }
            var (dtype, shape) = (SafetensorsDtypes.FromScalarType(tensor.dtype), tensor.shape);
            if (entry.Dtype != dtype || !entry.Shape.SequenceEqual(shape))
                problems.Add($"{name} is {entry.Dtype} [{string.Join(", ", entry.Shape)}] in the checkpoint but {dtype} [{string.Join(", ", shape)}] in the model");
            else
                pairs.Add((tensor, entry));
        }
        problems.AddRange(stored.Keys.Order(StringComparer.Ordinal).Select(name => $"{name} is not in the model"));
        if (problems.Count > 0)
            throw Mismatch($"the checkpoint's tensors do not fit model {model.Info.Name}: {string.Join("; ", problems.Take(8))}{(problems.Count > 8 ? $"; and {problems.Count - 8} more" : "")}");
        return pairs;
    }

    private void RequireSameSettings(TrainingSettings settings)
    {
        IReadOnlyList<string> differences;
        try
        {
            differences = CheckpointJson.Differences(TrainingSettings, CheckpointJson.Serialize(settings));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new CheckpointFormatException(Path, $"metadata '{CheckpointKeys.Training}' is not a JSON object of settings: {e.Message}", e);
        }
        if (differences.Count > 0)
            throw Mismatch($"the checkpoint was trained with other settings, so resuming would not be exact: {string.Join("; ", differences)}");
    }

    private void RequireType(string key, string actual, string what)
    {
        var stored = Content.Metadata.GetValueOrDefault(key);
        if (stored != actual) throw Mismatch($"the checkpoint's {what} is {stored ?? "(none)"}, this run's is {actual}");
    }

    private OptimizerState OptimizerState()
    {
        var tensors = new List<(string, Tensor)>();
        foreach (var entry in Content.Tensors)
            if (entry.Name.StartsWith(CheckpointKeys.OptimizerPrefix, StringComparison.Ordinal))
                tensors.Add((entry.Name[CheckpointKeys.OptimizerPrefix.Length..], TensorBytes.ToTensor(entry)));
        return new OptimizerState(PrefixedNumbers(CheckpointKeys.OptimizerPrefix), tensors);
    }

    /// <summary>Metadata numbers under <paramref name="prefix"/>, keyed without it.</summary>
    private Dictionary<string, double> PrefixedNumbers(string prefix)
    {
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, text) in Content.Metadata)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            numbers[key[prefix.Length..]] = TryParseNumber(text, out var value)
                ? value
                : throw new CheckpointFormatException(Path, $"metadata '{key}' = '{text}' is not a number");
        }
        return numbers;
    }

    private static void CopyInto(List<(Tensor Target, SafetensorsTensor Source)> pairs)
    {
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var (target, source) in pairs)
            target.copy_(TensorBytes.ToTensor(source));
    }

    private CheckpointMismatchException Mismatch(string problem) => new(Path, problem);
}
