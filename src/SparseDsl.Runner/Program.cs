using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SparseDsl.Runner;
using Spectre.Console;

// sparsedsl [command] [--Section:Key=value ...]
// Commands: train (default) — prune at random, train, evaluate, print the table; models — list the model catalog.
var (command, settings) = CommandLine.Split(args);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = settings,
    ContentRootPath = AppContext.BaseDirectory,
    EnvironmentName = Environments.Production,
});
builder.Configuration.AddEnvironmentVariables("SPARSEDSL_");
builder.Services.AddSingleton(AnsiConsole.Console);
builder.Services.AddSingleton<CommandDispatcher>();

using var host = builder.Build();
await host.StartAsync();
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
var exitCode = host.Services.GetRequiredService<CommandDispatcher>().Run(command, lifetime.ApplicationStopping);
await host.StopAsync();
return exitCode;
