using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SparseDsl.Data;
using SparseDsl.Generated;
using SparseDsl.Runner.Commands;
using SparseDsl.Runner.Options;
using SparseDsl.Runner.Reporting;
using SparseDsl.Torch;
using Spectre.Console;

namespace SparseDsl.Runner;

/// <summary>Validates configuration, runs the command, and maps the outcome to an exit code.</summary>
internal sealed class CommandDispatcher(IConfiguration configuration, IAnsiConsole console, ILoggerFactory loggers)
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidConfiguration = 2;

    private readonly ILogger logger = loggers.CreateLogger("SparseDsl");

    public int Run(string command, CancellationToken cancellation)
    {
        try
        {
            switch (command)
            {
                case "models":
                    ModelsCommand.Write(console);
                    return Success;
                case "train":
                    var options = RunnerOptions.Load(configuration, name => ModelCatalog.Find(name) is not null);
                    if (options.Runtime.Threads > 0) torch.set_num_threads(options.Runtime.Threads);
                    else torch.set_num_threads(Environment.ProcessorCount);
                    var model = ModelCatalog.Find(options.Experiment.Model)!;
                    var results = new TrainCommand(options, model, loggers.CreateLogger<TrainCommand>()).Run(cancellation);
                    ResultsTable.Write(console, results);
                    return Success;
                case "ratios":
                    var ratios = RatiosSettings.Load(configuration, name => ModelCatalog.Find(name) is not null);
                    RatiosCommand.Run(ratios, ModelCatalog.Find(ratios.Shared.Experiment.Model)!, console);
                    return Success;
                default:
                    logger.LogError("Unknown command '{Command}'. Commands: train (default), models, ratios.", command);
                    return InvalidConfiguration;
            }
        }
        catch (OptionsException e)
        {
            logger.LogError("{Message}", e.Message);
            return InvalidConfiguration;
        }
        catch (DataFormatException e)
        {
            logger.LogError("Data error: {Message}", e.Message);
            return Failure;
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Cancelled.");
            return Failure;
        }
        catch (Exception e) when (e is TorchException or InvalidOperationException or ArgumentException)
        {
            logger.LogError("{Message}", e.Message);
            return Failure;
        }
    }
}
