using System.Diagnostics;

namespace SparseDsl.Runner.Tests;

/// <summary>The runner as a user starts it: <c>dotnet SparseDsl.Runner.dll args…</c> in a child process.</summary>
internal static class RunnerProcess
{
    /// <summary>Runs to the end (at most 5 minutes); the exit code and stdout followed by stderr.</summary>
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var (code, stdout, stderr) = RunSeparately(args);
        return (code, stdout + stderr);
    }

    /// <summary>Runs to the end (at most 5 minutes); the exit code, stdout and stderr apart.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunSeparately(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SparseDsl.Runner.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "runner did not finish in 5 minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
