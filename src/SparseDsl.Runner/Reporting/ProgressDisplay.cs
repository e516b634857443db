using SparseDsl.Runner.Experiments;
using SparseDsl.Training;

namespace SparseDsl.Runner.Reporting;

/// <summary>Shows training progress: live bars in a terminal (<see cref="LiveProgress"/>), plain log lines when output is redirected (<see cref="LogProgress"/>).</summary>
internal interface IProgressDisplay
{
    /// <summary>Runs <paramref name="execute"/> for each run, passing the hooks that report its steps and epochs.</summary>
    void Run(IReadOnlyList<RunFolder> runs, ProgressSettings settings, Func<RunFolder, RunObserver, RunOutcome?> execute);
}

/// <summary>What a display is told while one run trains: after every optimizer step, and after every epoch.</summary>
internal sealed record RunObserver(Action<StepProgress> Step, Action<EpochMetrics> Epoch);

/// <summary>How often redirected output gets a progress line between epoch ends (zero: every step).</summary>
internal sealed record ProgressSettings(TimeSpan LogInterval);
