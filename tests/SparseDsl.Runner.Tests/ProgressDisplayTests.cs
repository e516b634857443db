using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SparseDsl.Runner.Experiments;
using SparseDsl.Runner.Options;
using SparseDsl.Runner.Reporting;
using SparseDsl.Training;
using Spectre.Console;

namespace SparseDsl.Runner.Tests;

/// <summary>Progress as the user sees it: the live bars' content and the periodic log lines, driven by a scripted run and a manual clock.</summary>
public sealed class ProgressDisplayTests
{
    /// <summary>A clock that moves only when told.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    private static RunFolder Folder(int epochs) => new(Path.GetTempPath(), new RunConfiguration(new RunSpec("Mlp", "erk", 0.1, 17),
        new TrainingOptions { Epochs = epochs }.ToSettings(17), new DataOptions(), new ExperimentOptions()));

    /// <summary>A scripted run: <paramref name="steps"/> steps of 64 images per epoch, each taking 4 s on <paramref name="time"/>.</summary>
    private static RunOutcome Script(RunObserver observer, ManualTime time, int epochs, int steps)
    {
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            for (var step = 1; step <= steps; step++)
            {
                time.Advance(TimeSpan.FromSeconds(4));
                var seen = 64L * step;
                observer.Step(new StepProgress(epoch, step, steps)
                {
                    Epochs = epochs, Seen = seen, Elapsed = TimeSpan.FromSeconds(4 * step), ScoreReader = () => new Score(0.5, 0.75, seen),
                });
            }
            observer.Epoch(new EpochMetrics(epoch, epochs, 0.1, new Score(0.5, 0.75, 64 * steps), new Score(0.6, 0.7, 32), TimeSpan.FromSeconds(4 * steps)));
        }
        return new RunOutcome(new RunSpec("Mlp", "erk", 0.1, 17), 0.1, 100, 10, 120, 30, 1000, 200, new Score(0.55, 0.8125, 16), null, null, epochs, 8 * steps, []);
    }

    [Fact]
    public void Step_text_gives_running_loss_accuracy_throughput_and_time_left()
    {
        // Step 5 of 20 in epoch 2 of 3, 320 images in 10 s: 32 img/s; 15 steps left at 2 s each; then one more 40 s epoch.
        var p = new StepProgress(2, 5, 20) { Epochs = 3, Seen = 320, Elapsed = TimeSpan.FromSeconds(10) };
        Assert.Equal("step 5/20 · loss 0.2500 · acc 87.50 % · 32 img/s · epoch ETA 0:30 · run ETA 1:10", ProgressText.Step(p, new Score(0.25, 0.875, 320)));
        Assert.Equal(TimeSpan.FromSeconds(70), ProgressText.RunRemaining(p));
        Assert.Equal("1:02:03", ProgressText.Duration(new TimeSpan(1, 2, 3)));
    }

    [Fact]
    public void Redirected_output_gets_a_line_every_interval_and_at_each_epoch_end()
    {
        var time = new ManualTime();
        var logger = new ListLogger<LogProgress>();
        new LogProgress(logger, time).Run([Folder(2)], new ProgressSettings(TimeSpan.FromSeconds(10)), (_, observer) => Script(observer, time, epochs: 2, steps: 7));

        // 4 s steps against a 10 s interval: a line after steps 3 and 6 of each epoch (the epoch end restarts the interval).
        var stepLines = logger.Lines.Where(l => l.Contains(" step ")).ToList();
        Assert.Equal(4, stepLines.Count);
        Assert.Contains("mlp_erk_d0.1_s17 epoch 1/2 step 3/7 · loss 0.5000 · acc 75.00 % · 16 img/s · epoch ETA 0:16 · run ETA 0:44", stepLines[0]);
        Assert.StartsWith("mlp_erk_d0.1_s17 epoch 2/2 step 6/7", stepLines[3]);
        var epochLines = logger.Lines.Where(l => l.Contains(": lr ")).ToList();
        Assert.Equal(["mlp_erk_d0.1_s17 epoch 1/2: lr 0.1 · train loss 0.5000 acc 75.00 % · validation loss 0.6000 acc 70.00 % · 28.0 s",
            "mlp_erk_d0.1_s17 epoch 2/2: lr 0.1 · train loss 0.5000 acc 75.00 % · validation loss 0.6000 acc 70.00 % · 28.0 s"], epochLines);
    }

    [Fact]
    public void A_zero_interval_logs_every_step()
    {
        var time = new ManualTime();
        var logger = new ListLogger<LogProgress>();
        new LogProgress(logger, time).Run([Folder(1)], new ProgressSettings(TimeSpan.Zero), (_, observer) => Script(observer, time, epochs: 1, steps: 5));
        Assert.Equal(5, logger.Lines.Count(l => l.Contains(" step ")));
    }

    [Fact]
    public void A_terminal_gets_an_epoch_bar_and_a_step_bar_with_loss_accuracy_throughput_and_eta()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes, Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var time = new ManualTime();
        new LiveProgress(console, time).Run([Folder(2), Folder(2)], new ProgressSettings(TimeSpan.FromSeconds(10)), (_, observer) => Script(observer, time, epochs: 2, steps: 4));

        var text = Regex.Replace(output.ToString(), @"\x1b\[[0-9;?]*[A-Za-z]", "");
        Assert.Contains("sweep: run 2/2", text);
        Assert.Contains("mlp_erk_d0.1_s17 epoch 2/2 · validation acc 70.00 %", text);                  // the epoch bar
        Assert.Contains("step 4/4 · loss 0.5000 · acc 75.00 % · 16 img/s · epoch ETA 0:00", text);   // the step bar
        Assert.Equal(2, Regex.Matches(text, @"mlp_erk_d0\.1_s17: test accuracy 81\.25 %, loss 0\.5500").Count); // a line per finished run
    }
}
