using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SparseDsl.Distributed.Tests;

/// <summary>Starts DistributedHost processes: ranks of one world on loopback, or a single process.</summary>
internal static class RankProcesses
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public sealed record Result(int ExitCode, string Output, string Errors);

    /// <summary>A port nobody listens on now (the OS picks it), for the rank-0 store.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs <paramref name="worldSize"/> ranks at once, each with the launch environment, and waits for all.</summary>
    public static IReadOnlyList<Result> RunWorld(int worldSize, Func<int, string[]> arguments)
    {
        var port = FreePort();
        var processes = Enumerable.Range(0, worldSize).Select(rank => Start(arguments(rank), new Dictionary<string, string>
        {
            ["MASTER_ADDR"] = "127.0.0.1",
            ["MASTER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RANK"] = rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["WORLD_SIZE"] = worldSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LOCAL_RANK"] = rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).ToList();
        return [.. processes.Select(Finish)];
    }

    /// <summary>Runs one process with the given environment (none of the launch variables unless given).</summary>
    public static Result Run(string[] arguments, Dictionary<string, string>? environment = null) =>
        Finish(Start(arguments, environment ?? []));

    private static (Process Process, Task<string> Output, Task<string> Errors) Start(string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SparseDsl.DistributedHost.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in new[] { "MASTER_ADDR", "MASTER_PORT", "RANK", "WORLD_SIZE", "LOCAL_RANK" }) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start)!;
        return (process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    private static Result Finish((Process Process, Task<string> Output, Task<string> Errors) started)
    {
        using var process = started.Process;
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"a host did not finish within {Timeout}; output: {started.Output.Result}; errors: {started.Errors.Result}");
        }
        return new Result(process.ExitCode, started.Output.Result, started.Errors.Result);
    }
}
