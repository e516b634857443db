using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SparseDsl.Runner;
using SparseDsl.Runner.Options;
using SparseDsl.Runner.Reporting;
using Spectre.Console;

// SparseDsl runner: [command] [--Section:Key=value ...]
// Commands: sweep (default) — every grid point of Experiment, then results.csv, report.md and accuracy.svg;
// train — one grid point; collect — aggregate finished runs; eval — every metric of a saved checkpoint;
// ratios — a policy's layer-wise densities; models — the compile-time model catalog.
var (command, settings) = CommandLine.Split(args);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = settings,
    ContentRootPath = AppContext.BaseDirectory,
    EnvironmentName = Environments.Production,
});
// SPARSEDSL_Section__Key variables override appsettings.json but not the command line.
var sources = builder.Configuration.Sources;
var commandLine = sources.ToList().FindIndex(s => s is Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationSource);
sources.Insert(commandLine < 0 ? sources.Count : commandLine,
    new Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource { Prefix = "SPARSEDSL_" });
try
{
    Presets.Apply(builder.Configuration);
}
catch (OptionsException e)
{
    Console.Error.WriteLine(e.Message);
    return CommandDispatcher.InvalidConfiguration;
}

// Live bars only in an interactive terminal (or when asked); log lines otherwise, so CI logs stay readable.
var progressMode = builder.Configuration["Output:Progress"] ?? "auto";
var live = progressMode == "live" || (progressMode == "auto" && !Console.IsOutputRedirected && !Console.IsErrorRedirected);
// In a distributed run only rank 0 reports; the other ranks log warnings and errors alone.
var quietRank = int.TryParse(Environment.GetEnvironmentVariable("RANK"), out var rank) && rank != 0;
if (quietRank)
{
    live = false;
    builder.Logging.AddFilter("SparseDsl", LogLevel.Warning);
}
// Redirected output has no terminal width (Spectre would fold the results table into 80 columns) and wants no escape codes.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Console.Profile.Width = 160;
    AnsiConsole.Console.Profile.Capabilities.Ansi = false;
}
builder.Services.AddSingleton(AnsiConsole.Console);
builder.Services.AddSingleton(TimeProvider.System);
if (live)
{
    builder.Logging.AddFilter("SparseDsl", LogLevel.Warning);
    builder.Services.AddSingleton<IProgressDisplay, LiveProgress>();
}
else
{
    builder.Services.AddSingleton<IProgressDisplay, LogProgress>();
}
builder.Services.AddSingleton<CommandDispatcher>();

using var host = builder.Build();
await host.StartAsync();
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
var exitCode = host.Services.GetRequiredService<CommandDispatcher>().Run(command, CommandLine.Describe(args), lifetime.ApplicationStopping);
await host.StopAsync();
return exitCode;
