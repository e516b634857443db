using System.Text.Json;
using SparseDsl.Evaluation;

namespace SparseDsl.Runner.Experiments;

/// <summary>The "metrics" object of result.json and eval.json (Utf8JsonWriter / JsonElement, no reflection).</summary>
public static class MetricsJson
{
    public static void Write(Utf8JsonWriter w, string name, MetricsOutcome m)
    {
        w.WriteStartObject(name);
        w.WriteNumber("count", m.Count);
        w.WriteNumber("top1", m.Top1);
        if (m.Top5 is { } top5) w.WriteNumber("top5", top5);
        w.WriteNumber("nll", m.Nll);
        w.WriteNumber("ece", m.Ece);
        w.WriteStartArray("calibrationBins");
        foreach (var b in m.Bins)
        {
            w.WriteStartObject();
            w.WriteNumber("lower", b.Lower);
            w.WriteNumber("upper", b.Upper);
            w.WriteNumber("count", b.Count);
            w.WriteNumber("confidence", b.MeanConfidence);
            w.WriteNumber("accuracy", b.Accuracy);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("ood");
        foreach (var o in m.OoD)
        {
            w.WriteStartObject();
            w.WriteString("set", o.Set);
            w.WriteNumber("auroc", o.Auroc);
            w.WriteNumber("fprAt95Tpr", o.FprAt95Tpr);
            w.WriteNumber("count", o.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("adversarial");
        foreach (var a in m.Adversarial)
        {
            w.WriteStartObject();
            w.WriteString("attack", a.Attack);
            w.WriteNumber("epsilon", a.Epsilon);
            w.WriteNumber("steps", a.Steps);
            w.WriteNumber("stepSize", a.StepSize);
            w.WriteNumber("accuracy", a.Accuracy);
            w.WriteNumber("count", a.Count);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static MetricsOutcome Read(JsonElement e) => new(
        e.GetProperty("count").GetInt64(),
        e.GetProperty("top1").GetDouble(),
        e.TryGetProperty("top5", out var top5) ? top5.GetDouble() : null,
        e.GetProperty("nll").GetDouble(),
        e.GetProperty("ece").GetDouble(),
        [.. e.GetProperty("calibrationBins").EnumerateArray().Select(b => new CalibrationBin(b.GetProperty("lower").GetDouble(),
            b.GetProperty("upper").GetDouble(), b.GetProperty("count").GetInt64(), b.GetProperty("confidence").GetDouble(), b.GetProperty("accuracy").GetDouble()))],
        [.. e.GetProperty("ood").EnumerateArray().Select(o => new OodOutcome(o.GetProperty("set").GetString()!, o.GetProperty("auroc").GetDouble(),
            o.GetProperty("fprAt95Tpr").GetDouble(), o.GetProperty("count").GetInt64()))],
        [.. e.GetProperty("adversarial").EnumerateArray().Select(a => new RobustOutcome(a.GetProperty("attack").GetString()!,
            a.GetProperty("epsilon").GetDouble(), a.GetProperty("steps").GetInt32(), a.GetProperty("stepSize").GetDouble(),
            a.GetProperty("accuracy").GetDouble(), a.GetProperty("count").GetInt64()))]);
}
