using System.Globalization;
using SparseDsl.Torch;
using SparseDsl.Training;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Checkpoints;

public sealed partial class TrainingCheckpoint
{
    /// <summary>
    /// Writes the state of <paramref name="state"/> after <paramref name="history"/>.Count completed epochs to
    /// <paramref name="path"/>, atomically: model tensors under their names, optimizer state, schedule position,
    /// torch's CPU generator state, identity, settings, configuration, history and the content hash.
    /// </summary>
    public static void Save(string path, TrainingState state, IReadOnlyList<EpochMetrics> history) =>
        SafetensorsWriter.WriteFile(path, Capture(state, history));

    /// <summary>The content <see cref="Save"/> writes, in memory (to write it to several files).</summary>
    public static SafetensorsFile Capture(TrainingState state, IReadOnlyList<EpochMetrics> history)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(history);
        using var scope = NewDisposeScope();
        var tensors = new List<SafetensorsTensor>();
        foreach (var (name, tensor) in state.Model.state_dict())
        {
            if (CheckpointKeys.IsReserved(name))
                throw new InvalidOperationException($"Model tensor '{name}' uses a name reserved for non-model checkpoint state.");
            tensors.Add(TensorBytes.ToSafetensors(name, tensor));
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CheckpointKeys.Format] = CheckpointKeys.FormatValue,
            [CheckpointKeys.Model] = state.Identity.Model,
            [CheckpointKeys.Policy] = state.Identity.Policy,
            [CheckpointKeys.Epoch] = history.Count.ToString(CultureInfo.InvariantCulture),
            [CheckpointKeys.Training] = CheckpointJson.Serialize(state.Settings),
            [CheckpointKeys.Configuration] = state.Configuration,
            [CheckpointKeys.History] = CheckpointJson.Serialize(history),
            [CheckpointKeys.OptimizerType] = state.Optimizer.GetType().Name,
            [CheckpointKeys.SchedulerType] = state.Schedule.GetType().Name,
        };
        using (var optimizerState = state.Optimizer.state_dict())
        {
            foreach (var (key, value) in optimizerState.Hyperparameters)
                metadata[CheckpointKeys.OptimizerPrefix + key] = FormatNumber(value);
            foreach (var (name, tensor) in optimizerState.Tensors)
                tensors.Add(TensorBytes.ToSafetensors(CheckpointKeys.OptimizerPrefix + name, tensor));
        }
        foreach (var (key, value) in state.Schedule.state_dict())
            metadata[CheckpointKeys.SchedulerPrefix + key] = FormatNumber(value);
        if (state.Scaler is { IsEnabled: true } scaler)
        {
            metadata[CheckpointKeys.GradScalerScale] = FormatNumber(scaler.Scale);
            metadata[CheckpointKeys.GradScalerGrowthTracker] = scaler.GrowthTracker.ToString(CultureInfo.InvariantCulture);
        }
        tensors.Add(TensorBytes.ToSafetensors(CheckpointKeys.TorchCpuRngState, torch.random.get_rng_state()));
        metadata[ContentHash.MetadataKey] = ContentHash.Compute(tensors, metadata);
        return new SafetensorsFile(tensors, metadata);
    }

    /// <summary>Shortest text that parses back to the same double ("R"), so learning rates restore bit for bit.</summary>
    private static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
