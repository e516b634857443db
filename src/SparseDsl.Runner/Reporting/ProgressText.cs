using System.Globalization;
using SparseDsl.Training;

namespace SparseDsl.Runner.Reporting;

/// <summary>The wording of progress, shared by the live bars and the log lines: throughput and time left from the step reports.</summary>
internal static class ProgressText
{
    /// <summary>"step 120/422 · loss 0.5120 · acc 81.30% · 4,210 img/s · epoch ETA 0:07 · run ETA 3:12".</summary>
    public static string Step(StepProgress p, Score running) => Inv(
        $"step {p.Step}/{p.Steps} · loss {running.Loss:0.0000} · acc {running.Accuracy:P2} · {Throughput(p):N0} img/s · epoch ETA {Duration(EpochRemaining(p))} · run ETA {Duration(RunRemaining(p))}");

    /// <summary>"epoch 2/3: lr 0.05 · train loss 0.4120 acc 85.10% · validation loss 0.4400 acc 84.20% · 12.3 s".</summary>
    public static string Epoch(EpochMetrics m) => Inv(
        $"epoch {m.Epoch}/{m.Epochs}: lr {m.LearningRate:0.######} · train loss {m.Train.Loss:0.0000} acc {m.Train.Accuracy:P2}") +
        (m.Validation is { } v ? Inv($" · validation loss {v.Loss:0.0000} acc {v.Accuracy:P2}") : "") +
        Inv($" · {m.Elapsed.TotalSeconds:0.0} s");

    /// <summary>Training images per second over this epoch so far.</summary>
    public static double Throughput(StepProgress p) => p.Elapsed > TimeSpan.Zero ? p.Seen / p.Elapsed.TotalSeconds : 0;

    /// <summary>Time left in this epoch's training steps, at this epoch's pace so far.</summary>
    public static TimeSpan EpochRemaining(StepProgress p) => p.Step <= 0 ? TimeSpan.Zero : p.Elapsed * ((double)(p.Steps - p.Step) / p.Step);

    /// <summary>Time left in the run: this epoch's remainder plus the epochs after it at this epoch's pace (evaluation not counted).</summary>
    public static TimeSpan RunRemaining(StepProgress p) =>
        p.Step <= 0 ? TimeSpan.Zero : EpochRemaining(p) + p.Elapsed * ((double)p.Steps / p.Step * Math.Max(0, p.Epochs - p.Epoch));

    /// <summary>m:ss, or h:mm:ss from an hour on.</summary>
    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? Inv($"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}") : Inv($"{t.Minutes}:{t.Seconds:00}");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
