using System.Globalization;

namespace SparseDsl.Torch;

/// <summary>
/// The launch contract of torchrun and Kubeflow's PyTorchJob: MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE and
/// LOCAL_RANK. All or none: <see cref="FromVariables"/> returns null when none is set (a single process), and
/// throws listing every missing or invalid variable when only some are, or when they contradict each other.
/// </summary>
public sealed record DistributedEnvironment(string MasterAddress, int MasterPort, int Rank, int WorldSize, int LocalRank)
{
    public static readonly string[] Variables = ["MASTER_ADDR", "MASTER_PORT", "RANK", "WORLD_SIZE", "LOCAL_RANK"];

    /// <summary>True when torchrun's agent already hosts the store at MASTER_PORT (TORCHELASTIC_USE_AGENT_STORE=True).</summary>
    public bool AgentStore { get; init; }

    /// <summary>The environment of this process (see <see cref="FromVariables"/>).</summary>
    public static DistributedEnvironment? FromProcess() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>Reads the contract through <paramref name="get"/>; null when none of its variables is set.</summary>
    /// <exception cref="DistributedEnvironmentException">Some are set but not all, or a value is invalid.</exception>
    public static DistributedEnvironment? FromVariables(Func<string, string?> get)
    {
        var values = Variables.ToDictionary(v => v, v => get(v) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null);
        if (values.Values.All(v => v is null)) return null;
        var problems = new List<string>();
        foreach (var (name, value) in values.Where(kv => kv.Value is null))
            problems.Add($"{name} is not set");
        var port = Integer(values, "MASTER_PORT", 1, 65535, "a TCP port in 1..65535", problems);
        var worldSize = Integer(values, "WORLD_SIZE", 1, int.MaxValue, "a positive number of processes", problems);
        var rank = Integer(values, "RANK", 0, int.MaxValue, "this process's index, 0..WORLD_SIZE-1", problems);
        var localRank = Integer(values, "LOCAL_RANK", 0, int.MaxValue, "this process's index on its node, 0 or more", problems);
        if (rank is { } r && worldSize is { } w && r >= w) problems.Add($"RANK={r} is not below WORLD_SIZE={w}");
        if (localRank is { } l && worldSize is { } w2 && l >= w2) problems.Add($"LOCAL_RANK={l} is not below WORLD_SIZE={w2}");
        if (problems.Count > 0) throw new DistributedEnvironmentException(problems);
        return new DistributedEnvironment(values["MASTER_ADDR"]!, port!.Value, rank!.Value, worldSize!.Value, localRank!.Value)
        {
            AgentStore = string.Equals(get("TORCHELASTIC_USE_AGENT_STORE"), "True", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static int? Integer(Dictionary<string, string?> values, string name, int min, int max, string expected, List<string> problems)
    {
        if (values[name] is not { } text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        problems.Add($"{name}='{text}' is not valid; expected {expected}");
        return null;
    }
}

/// <summary>An incomplete or invalid distributed launch environment: every problem, and how to launch correctly.</summary>
public sealed class DistributedEnvironmentException(IReadOnlyList<string> problems) : Exception(
    "Invalid distributed launch environment:" + Environment.NewLine +
    string.Join(Environment.NewLine, problems.Select(p => "  - " + p)) + Environment.NewLine +
    "Set all of MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE and LOCAL_RANK (as torchrun, srun with docs/distributed.md's " +
    "script, or a PyTorchJob do), or none of them for a single process.")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
