using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SparseDsl.Checkpoints;
using SparseDsl.Data;
using SparseDsl.Generated;
using SparseDsl.Runner.Commands;
using SparseDsl.Runner.Options;
using SparseDsl.Runner.Reporting;
using SparseDsl.Torch;
using Spectre.Console;

namespace SparseDsl.Runner;

/// <summary>Validates configuration, runs the command, and maps the outcome to an exit code.</summary>
internal sealed class CommandDispatcher(IConfiguration configuration, IAnsiConsole console, ILoggerFactory loggers, IProgressDisplay progress)
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidConfiguration = 2;

    public static readonly string[] Commands = ["sweep", "train", "collect", "eval", "ratios", "models"];

    private readonly ILogger logger = loggers.CreateLogger("SparseDsl");

    public int Run(string command, string commandLine, CancellationToken cancellation)
    {
        try
        {
            switch (command)
            {
                case "models":
                    ModelsCommand.Write(console);
                    return Success;
                case "sweep" or "train" or "collect":
                    var options = RunnerOptions.Load(configuration, name => ModelCatalog.Find(name) is not null);
                    var launch = DistributedEnvironment.FromProcess();  // all-or-none, checked before any work
                    torch.set_num_threads(options.Runtime.Threads > 0 ? options.Runtime.Threads : Environment.ProcessorCount);
                    var results = new SweepCommand(options, launch, loggers, progress).Run(command, commandLine, cancellation);
                    if (launch is not { Rank: not 0 }) ResultsTable.Write(console, results);
                    return Success;
                case "eval":
                    var evalOptions = RunnerOptions.Load(configuration, name => ModelCatalog.Find(name) is not null, commandRules: EvalCommand.Rules);
                    torch.set_num_threads(evalOptions.Runtime.Threads > 0 ? evalOptions.Runtime.Threads : Environment.ProcessorCount);
                    EvalTable.Write(console, new EvalCommand(evalOptions, loggers.CreateLogger("SparseDsl.Eval")).Run(cancellation));
                    return Success;
                case "ratios":
                    var ratios = RatiosSettings.Load(configuration, ModelCatalog.Find);
                    RatiosCommand.Run(ratios, ratios.Model, console);
                    return Success;
                default:
                    logger.LogError("Unknown command '{Command}'. Commands: {Commands} (sweep is the default).", command, string.Join(", ", Commands));
                    return InvalidConfiguration;
            }
        }
        catch (OptionsException e)
        {
            logger.LogError("{Message}", e.Message);
            return InvalidConfiguration;
        }
        catch (DistributedEnvironmentException e)
        {
            logger.LogError("{Message}", e.Message);
            return InvalidConfiguration;
        }
        catch (Training.MaskMismatchException e)
        {
            logger.LogError("{Message}", e.Message);
            return Failure;
        }
        catch (DataFormatException e)
        {
            logger.LogError("Data error: {Message}", e.Message);
            return Failure;
        }
        catch (Exception e) when (e is CheckpointFormatException or CheckpointMismatchException)
        {
            logger.LogError("Checkpoint error: {Message}", e.Message);
            return Failure;
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Cancelled. Finished runs are kept; the same command resumes the sweep.");
            return Failure;
        }
        catch (Exception e) when (e is TorchException or InvalidOperationException or ArgumentException or InvalidDataException or IOException)
        {
            logger.LogError("{Message}", e.Message);
            return Failure;
        }
    }
}
