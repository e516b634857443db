using Microsoft.Extensions.Logging;
using SparseDsl.Runner.Experiments;

namespace SparseDsl.Runner.Reporting;

/// <summary>
/// Plain log lines for CI, files and pipes: one at each epoch end, and one every <see cref="ProgressSettings.LogInterval"/>
/// within an epoch (running loss and accuracy, throughput, time left), so a long epoch still shows it is alive.
/// </summary>
internal sealed class LogProgress(ILogger<LogProgress> logger, TimeProvider time) : IProgressDisplay
{
    public void Run(IReadOnlyList<RunFolder> runs, ProgressSettings settings, Func<RunFolder, RunObserver, RunOutcome?> execute)
    {
        for (var i = 0; i < runs.Count; i++)
        {
            var slug = runs[i].Configuration.Spec.Slug;
            logger.LogInformation("Run {Index}/{Count}: {Run}", i + 1, runs.Count, slug);
            var lastLine = time.GetTimestamp();
            execute(runs[i], new RunObserver(
                p =>
                {
                    if (time.GetElapsedTime(lastLine) < settings.LogInterval) return;
                    lastLine = time.GetTimestamp();
                    logger.LogInformation("{Run} epoch {Epoch}/{Epochs} {Step}", slug, p.Epoch, p.Epochs, ProgressText.Step(p, p.RunningScore()));
                },
                m =>
                {
                    lastLine = time.GetTimestamp();
                    logger.LogInformation("{Run} {Epoch}", slug, ProgressText.Epoch(m));
                }));
        }
    }
}
