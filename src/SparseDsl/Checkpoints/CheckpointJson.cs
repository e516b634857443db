using System.Text.Json;
using System.Text.Json.Serialization;
using SparseDsl.Training;

namespace SparseDsl.Checkpoints;

/// <summary>JSON for the structured metadata of a checkpoint (source-generated: no reflection, trimming-safe).</summary>
[JsonSerializable(typeof(TrainingSettings))]
[JsonSerializable(typeof(List<EpochMetrics>))]
internal sealed partial class CheckpointJson : JsonSerializerContext
{
    public static string Serialize(TrainingSettings settings) => JsonSerializer.Serialize(settings, Default.TrainingSettings);

    public static string Serialize(IReadOnlyList<EpochMetrics> history) => JsonSerializer.Serialize([.. history], Default.ListEpochMetrics);

    public static List<EpochMetrics>? DeserializeHistory(string json) => JsonSerializer.Deserialize(json, Default.ListEpochMetrics);

    /// <summary>"Key: a here, b in the checkpoint" for each top-level property that differs between two JSON objects.</summary>
    public static IReadOnlyList<string> Differences(string checkpointJson, string currentJson)
    {
        using var stored = JsonDocument.Parse(checkpointJson);
        using var current = JsonDocument.Parse(currentJson);
        var storedProperties = stored.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        var currentProperties = current.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        return [.. storedProperties.Keys.Union(currentProperties.Keys).Order(StringComparer.Ordinal)
            .Where(k => storedProperties.GetValueOrDefault(k) != currentProperties.GetValueOrDefault(k))
            .Select(k => $"{k}: {currentProperties.GetValueOrDefault(k) ?? "(absent)"} here, {storedProperties.GetValueOrDefault(k) ?? "(absent)"} in the checkpoint")];
    }
}
