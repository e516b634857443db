using SparseDsl.Runner.Experiments;
using SparseDsl.Training;
using Spectre.Console;

namespace SparseDsl.Runner.Reporting;

/// <summary>
/// Spectre.Console bars in a terminal: the sweep's runs (when there are several), the current run's epochs (with the
/// last validation accuracy and the run's time left) and the current epoch's steps (running loss and accuracy,
/// throughput, time left). Each finished run leaves one line above the bars.
/// </summary>
internal sealed class LiveProgress(IAnsiConsole console, TimeProvider time) : IProgressDisplay
{
    /// <summary>How often the running loss and accuracy are read from the device (each read is a synchronisation).</summary>
    private static readonly TimeSpan ScoreRefresh = TimeSpan.FromMilliseconds(500);

    public void Run(IReadOnlyList<RunFolder> runs, ProgressSettings settings, Func<RunFolder, RunObserver, RunOutcome?> execute)
    {
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .Start(context =>
            {
                var sweep = runs.Count > 1 ? context.AddTask($"sweep: {runs.Count} runs", maxValue: runs.Count) : null;
                var epochs = context.AddTask("epochs", maxValue: 1);
                var steps = context.AddTask("steps", maxValue: 1);
                for (var i = 0; i < runs.Count; i++)
                {
                    var run = runs[i];
                    var slug = run.Configuration.Spec.Slug;
                    if (sweep is not null) sweep.Description = Markup.Escape($"sweep: run {i + 1}/{runs.Count}");
                    epochs.MaxValue = run.Configuration.Training.Epochs;
                    epochs.Value = 0;
                    epochs.Description = Markup.Escape($"{slug}: starting");
                    steps.Value = 0;
                    steps.Description = "steps";
                    var running = new Score(double.NaN, double.NaN, 0);
                    var lastRead = time.GetTimestamp();
                    EpochMetrics? last = null;
                    var outcome = execute(run, new RunObserver(
                        p =>
                        {
                            if (p.Step == 1 || p.Step == p.Steps || time.GetElapsedTime(lastRead) >= ScoreRefresh)
                            {
                                running = p.RunningScore();
                                lastRead = time.GetTimestamp();
                            }
                            steps.MaxValue = p.Steps;
                            steps.Value = p.Step;
                            steps.Description = Markup.Escape(ProgressText.Step(p, running));
                            epochs.Value = p.Epoch - 1 + (double)p.Step / p.Steps;
                            epochs.Description = Markup.Escape($"{slug} epoch {p.Epoch}/{p.Epochs}" + Validation(last) +
                                $" · run ETA {ProgressText.Duration(ProgressText.RunRemaining(p))}");
                        },
                        m =>
                        {
                            last = m;
                            epochs.Value = m.Epoch;
                            epochs.Description = Markup.Escape($"{slug} epoch {m.Epoch}/{m.Epochs}" + Validation(m));
                        }));
                    // Null on the ranks other than 0 of a distributed run, which train but do not test.
                    if (outcome is not null)
                        console.MarkupLine(Markup.Escape($"{slug}: test accuracy {outcome.Test.Accuracy:P2}, loss {outcome.Test.Loss:0.0000} " +
                        $"(best-validation epoch {outcome.BestEpoch}, {outcome.WallSeconds:0.0} s)"));
                    sweep?.Increment(1);
                }
                epochs.StopTask();
                steps.StopTask();
            });
    }

    private static string Validation(EpochMetrics? m) => m?.Validation is { } v ? $" · validation acc {v.Accuracy:P2}" : "";
}
