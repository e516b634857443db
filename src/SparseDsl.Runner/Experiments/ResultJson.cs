using System.Text;
using System.Text.Json;
using SparseDsl.Training;

namespace SparseDsl.Runner.Experiments;

/// <summary>result.json: written with Utf8JsonWriter and read with JsonDocument (no reflection, trim-safe).</summary>
public static class ResultJson
{
    public static string Write(RunOutcome o)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", o.Spec.Model);
            w.WriteString("policy", o.Spec.Policy);
            w.WriteNumber("density", o.Spec.Density);
            w.WriteNumber("seed", o.Spec.Seed);
            w.WriteNumber("realisedDensity", o.RealisedDensity);
            w.WriteNumber("maskedWeights", o.MaskedWeights);
            w.WriteNumber("keptWeights", o.KeptWeights);
            w.WriteNumber("totalParameters", o.TotalParameters);
            w.WriteNumber("keptParameters", o.KeptParameters);
            w.WriteNumber("denseMacs", o.DenseMacs);
            w.WriteNumber("sparseMacs", o.SparseMacs);
            WriteScore(w, "test", o.Test);
            if (o.Validation is { } v) WriteScore(w, "validation", v);
            if (o.BestValidation is { } b) WriteScore(w, "bestValidation", b);
            w.WriteNumber("bestEpoch", o.BestEpoch);
            w.WriteNumber("wallSeconds", o.WallSeconds);
            w.WriteStartArray("layers");
            foreach (var l in o.Layers) WriteLayer(w, l);
            w.WriteEndArray();
            if (o.Metrics is { } metrics) MetricsJson.Write(w, "metrics", metrics);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One masked layer's shape, density and costs (result.json and eval.json).</summary>
    internal static void WriteLayer(Utf8JsonWriter w, LayerOutcome l)
    {
        w.WriteStartObject();
        w.WriteString("name", l.Name);
        w.WriteStartArray("shape");
        foreach (var s in l.Shape) w.WriteNumberValue(s);
        w.WriteEndArray();
        w.WriteNumber("weights", l.Weights);
        w.WriteNumber("targetDensity", l.TargetDensity);
        w.WriteNumber("kept", l.Kept);
        w.WriteNumber("density", l.Density);
        w.WriteNumber("denseMacs", l.DenseMacs);
        w.WriteNumber("sparseMacs", l.SparseMacs);
        w.WriteNumber("parameters", l.Parameters);
        w.WriteNumber("keptParameters", l.KeptParameters);
        w.WriteEndObject();
    }

    private static void WriteScore(Utf8JsonWriter w, string name, Score score)
    {
        w.WriteStartObject(name);
        w.WriteNumber("loss", score.Loss);
        w.WriteNumber("accuracy", score.Accuracy);
        w.WriteNumber("count", score.Count);
        w.WriteEndObject();
    }

    /// <summary>Reads a result.json back; a malformed file is reported with its path.</summary>
    public static RunOutcome Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var r = document.RootElement;
            var spec = new RunSpec(r.GetProperty("model").GetString()!, r.GetProperty("policy").GetString()!, r.GetProperty("density").GetDouble(), r.GetProperty("seed").GetInt64());
            var layers = r.GetProperty("layers").EnumerateArray().Select(l => new LayerOutcome(
                l.GetProperty("name").GetString()!,
                [.. l.GetProperty("shape").EnumerateArray().Select(s => s.GetInt64())],
                l.GetProperty("weights").GetInt64(),
                l.GetProperty("targetDensity").GetDouble(),
                l.GetProperty("kept").GetInt64(),
                l.GetProperty("denseMacs").GetInt64(),
                l.TryGetProperty("parameters", out var parameters) ? parameters.GetInt64() : 0)).ToList();
            return new RunOutcome(spec,
                r.GetProperty("realisedDensity").GetDouble(),
                r.GetProperty("maskedWeights").GetInt64(),
                r.GetProperty("keptWeights").GetInt64(),
                r.GetProperty("totalParameters").GetInt64(),
                r.GetProperty("keptParameters").GetInt64(),
                r.GetProperty("denseMacs").GetInt64(),
                r.GetProperty("sparseMacs").GetInt64(),
                ReadScore(r.GetProperty("test")),
                r.TryGetProperty("validation", out var v) ? ReadScore(v) : null,
                r.TryGetProperty("bestValidation", out var b) ? ReadScore(b) : null,
                r.GetProperty("bestEpoch").GetInt32(),
                r.GetProperty("wallSeconds").GetDouble(),
                layers,
                r.TryGetProperty("metrics", out var metrics) ? MetricsJson.Read(metrics) : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a SparseDsl result.json ({e.Message}). Delete the run folder to re-run it.", e);
        }
    }

    private static Score ReadScore(JsonElement e) =>
        new(e.GetProperty("loss").GetDouble(), e.GetProperty("accuracy").GetDouble(), e.GetProperty("count").GetInt64());
}
