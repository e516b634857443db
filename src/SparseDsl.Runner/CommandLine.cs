namespace SparseDsl.Runner;

/// <summary>Separates the command (first argument not starting with '-') from configuration overrides.</summary>
internal static class CommandLine
{
    public static (string Command, string[] Settings) Split(string[] args)
    {
        if (args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('='))
            return (args[0].ToLowerInvariant(), args[1..]);
        return ("sweep", args);
    }

    /// <summary>How the user invoked the runner, for reports ("dotnet run --project src/SparseDsl.Runner -- sweep ...").</summary>
    public static string Describe(string[] args) =>
        "dotnet run --project src/SparseDsl.Runner" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
}
