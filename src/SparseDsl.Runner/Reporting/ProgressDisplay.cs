using Microsoft.Extensions.Logging;
using SparseDsl.Runner.Experiments;
using SparseDsl.Training;
using Spectre.Console;

namespace SparseDsl.Runner.Reporting;

/// <summary>Shows training progress: live bars in a terminal, plain log lines when output is redirected.</summary>
internal interface IProgressDisplay
{
    void Run(IReadOnlyList<RunFolder> runs, Func<RunFolder, Action<RunSpec, EpochMetrics>, RunOutcome?> execute);
}

/// <summary>Plain periodic log lines (CI, files, pipes).</summary>
internal sealed class LogProgress(ILogger<LogProgress> logger) : IProgressDisplay
{
    public void Run(IReadOnlyList<RunFolder> runs, Func<RunFolder, Action<RunSpec, EpochMetrics>, RunOutcome?> execute)
    {
        for (var i = 0; i < runs.Count; i++)
        {
            logger.LogInformation("Run {Index}/{Count}: {Run}", i + 1, runs.Count, runs[i].Configuration.Spec.Slug);
            execute(runs[i], (spec, m) => logger.LogInformation(
                "{Run} epoch {Epoch}/{Epochs}: lr {Lr:0.#####} train loss {Loss:0.0000} acc {Acc:P2}{Validation} ({Seconds:0.0} s)",
                spec.Slug, m.Epoch, m.Epochs, m.LearningRate, m.Train.Loss, m.Train.Accuracy,
                m.Validation is { } v ? $", validation loss {v.Loss:0.0000} acc {v.Accuracy:P2}" : "", m.Elapsed.TotalSeconds));
        }
    }
}

/// <summary>Spectre.Console bars: one for the sweep, one for the epochs of the current run, with loss, accuracy and ETA.</summary>
internal sealed class LiveProgress(IAnsiConsole console) : IProgressDisplay
{
    public void Run(IReadOnlyList<RunFolder> runs, Func<RunFolder, Action<RunSpec, EpochMetrics>, RunOutcome?> execute)
    {
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var sweep = context.AddTask($"sweep: {runs.Count} runs", maxValue: runs.Count);
                foreach (var run in runs)
                {
                    var spec = run.Configuration.Spec;
                    var epochs = context.AddTask(Markup.Escape(spec.Slug), maxValue: run.Configuration.Training.Epochs);
                    var outcome = execute(run, (_, m) =>
                    {
                        epochs.Description = Markup.Escape(
                            $"{spec.Slug} epoch {m.Epoch}/{m.Epochs} loss {m.Train.Loss:0.000} acc {m.Train.Accuracy:P1}" +
                            (m.Validation is { } v ? $" val {v.Accuracy:P1}" : "") +
                            $" {m.Train.Count / m.Elapsed.TotalSeconds:0} img/s");
                        epochs.Increment(1);
                    });
                    if (outcome is not null) epochs.Description = Markup.Escape($"{spec.Slug}: test {outcome.Test.Accuracy:P2}");
                    epochs.StopTask();
                    sweep.Increment(1);
                }
            });
    }
}
