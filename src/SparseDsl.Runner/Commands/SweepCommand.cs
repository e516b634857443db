using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SparseDsl.Generated;
using SparseDsl.Runner.Experiments;
using SparseDsl.Runner.Options;
using SparseDsl.Runner.Reporting;
using SparseDsl.Torch;
using SparseDsl.Training;

namespace SparseDsl.Runner.Commands;

/// <summary>
/// <c>sweep</c> (the default): every grid point, skipping finished runs, then results.csv, report.md and accuracy.svg.
/// <c>train</c>: exactly one grid point. <c>collect</c>: aggregate finished run folders without training.
/// With Sweep:Index (or SLURM_ARRAY_TASK_ID / JOB_COMPLETION_INDEX) only that grid point runs: an array job.
/// Launched as a distributed job (<paramref name="launch"/>), every rank trains each run data-parallel and rank 0
/// alone writes folders, results and the sweep report (docs/distributed.md).
/// </summary>
internal sealed class SweepCommand(RunnerOptions options, DistributedEnvironment? launch, ILoggerFactory loggers, IProgressDisplay progress)
{
    private readonly ILogger logger = loggers.CreateLogger("SparseDsl.Sweep");

    public IReadOnlyList<RunOutcome> Run(string command, string commandLine, CancellationToken cancellation)
    {
        var grid = ExperimentGrid.Expand(options.Experiment, name => ModelCatalog.Find(name)!.Name, options.Policies);
        var folders = grid.Select(spec => new RunFolder(options.Output.Root,
            new RunConfiguration(spec, options.Training.ToSettings(spec.Seed), options.Data, options.Experiment,
                options.Policies.FindDeclared(spec.Policy)))).ToList();
        var sweepFolder = Path.Combine(options.Output.Root, "sweeps", SweepHash(folders));

        var selected = Select(command, folders);
        if (launch is { Rank: not 0 } && command == "collect") return [];  // rank 0 alone collects
        using var session = launch is null || command == "collect" ? null : DistributedSession.Start(options, launch, logger);
        var coordinator = session?.IsCoordinator ?? true;
        var pending = command == "collect" ? [] : session?.AgreeOnPending(selected) ?? [.. selected.Where(f => !f.IsFinished)];
        foreach (var done in selected.Where(f => coordinator && f.IsFinished && command != "collect"))
            logger.LogInformation("{Run}: finished earlier, skipped ({Folder})", done.Configuration.Spec.Slug, done.Path);

        if (pending.Count > 0)
        {
            var device = session?.Device ?? DeviceSelection.Resolve(options.Runtime.Device, logger);
            // Runtime:Device=auto is known only now: fp16 on a machine without CUDA stops before the first run.
            var precision = options.Training.ToSettings(0).Precision;
            if (MixedPrecision.Problem(precision, device.type) is { } problem)
                throw new InvalidOperationException($"Training:Precision={options.Training.Precision} cannot train on {device}: {problem}.");
            if (options.Runtime.LayoutProblem(device.type) is { } layout) throw new InvalidOperationException($"{layout} (Runtime:Device resolved to {device}.)");
            logger.LogInformation("{Pending} of {Total} runs to train on {Device} with {Threads} threads, {Layout} convolutions", pending.Count, grid.Count, device,
                torch.get_num_threads(), options.Runtime.MemoryFormat);
            using var data = ExperimentData.Load(options.Data, device, logger);
            progress.Run(pending, new ProgressSettings(TimeSpan.FromSeconds(options.Output.LogInterval)), (folder, observer) =>
                new RunExecutor(options, data, device, logger, session) { Observer = observer }.Run(folder, cancellation));
        }
        if (!coordinator) return [];

        var outcomes = folders.Where(f => f.IsFinished).Select(f => ResultJson.Read(f.ResultPath)).ToList();
        if (outcomes.Count > 0 && (command != "train"))
        {
            SweepReport.Write(sweepFolder, outcomes, commandLine);
            logger.LogInformation("Sweep results ({Finished} of {Total} runs): {Folder}/results.csv, report.md, accuracy.svg",
                outcomes.Count, grid.Count, sweepFolder);
        }
        return command == "train" ? [.. selected.Select(f => ResultJson.Read(f.ResultPath))] : outcomes;
    }

    private List<RunFolder> Select(string command, List<RunFolder> folders)
    {
        // In a distributed run an Indexed Job's JOB_COMPLETION_INDEX numbers the ranks, not grid points.
        var index = ExperimentGrid.ArrayIndex(options.Sweep,
            name => launch is not null && name == "JOB_COMPLETION_INDEX" ? null : Environment.GetEnvironmentVariable(name));
        if (index is { } i)
        {
            if (i >= folders.Count)
                throw new OptionsException([$"Sweep:Index: {i} is outside the grid of {folders.Count} runs (0..{folders.Count - 1})."]);
            return [folders[i]];
        }
        if (command == "train" && folders.Count != 1)
            throw new OptionsException([$"train runs one grid point but the configuration makes {folders.Count}: use `sweep`, or choose one with --Sweep:Index=N."]);
        return folders;
    }

    /// <summary>The sweep folder is named by the hash of its runs' configurations: the same grid, the same folder.</summary>
    private static string SweepHash(IEnumerable<RunFolder> folders) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', folders.Select(f => f.Configuration.FolderName)))))[..10];
}
