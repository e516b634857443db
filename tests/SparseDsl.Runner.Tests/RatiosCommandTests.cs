using System.Text.Json;
using SparseDsl.Generated;
using SparseDsl.Sparsity;

namespace SparseDsl.Runner.Tests;

/// <summary>The <c>ratios</c> command as a user runs it: a child process, its stdout, stderr and exit code.</summary>
public class RatiosCommandTests
{
    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) =>
        RunnerProcess.RunSeparately(["ratios", .. args]);

    [Fact]
    public void Json_lists_every_masked_layer_in_forward_order_with_the_allocators_densities()
    {
        var (code, stdout, stderr) = Run("--Experiment:Models=lenet5", "--Experiment:Policies:0=erk", "--Experiment:Densities=0.1", "--Output:Json=true");
        Assert.True(code == 0, stdout + stderr);

        using var layers = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Array, layers.RootElement.ValueKind);
        var info = ModelCatalog.Find("lenet5")!.Info;
        var expected = LayerDensities.For(info, Allocation.Erk, 0.1);
        Assert.Equal(["conv1", "conv2", "fc1", "fc2", "fc3"], layers.RootElement.EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        foreach (var (layer, i) in layers.RootElement.EnumerateArray().Select((l, i) => (l, i)))
        {
            Assert.Equal(info.PrunableLayers[i].WeightShape, layer.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
            Assert.Equal(expected[i], layer.GetProperty("density").GetDouble());
            Assert.Equal(info.PrunableLayers[i].WeightCount, layer.GetProperty("parameters").GetInt64());
            Assert.Equal((long)Math.Round(expected[i] * info.PrunableLayers[i].WeightCount, MidpointRounding.AwayFromZero), layer.GetProperty("kept").GetInt64());
        }

        // The global figures come on stderr, as one JSON object.
        using var global = JsonDocument.Parse(stderr.Trim().Split('\n')[^1]);
        Assert.Equal(0.1, global.RootElement.GetProperty("globalDensity").GetDouble(), 1e-12);
        Assert.Equal(6147, global.RootElement.GetProperty("kept").GetInt64());
        Assert.Equal(61470, global.RootElement.GetProperty("parameters").GetInt64());
    }

    [Fact]
    public void The_table_shows_each_layer_and_the_realised_global_density()
    {
        var (code, stdout, stderr) = Run("--Experiment:Models=lenet5", "--Experiment:Policies:0=uniform+", "--Experiment:Densities=0.1");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("6×1×5×5", stdout);
        Assert.Contains("120×400", stdout);
        Assert.Contains("1.0000", stdout);  // the dense stem
        Assert.Contains("0.2000", stdout);  // the classifier below density 0.2
        // Uniform+ holds the budget: 150 + 168 + 5829/60480 of the other 60480 weights, rounded per layer.
        Assert.Contains("realised global density 0.1000", stdout);
    }

    [Fact]
    public void A_budget_the_rules_cannot_meet_stops_with_exit_code_2_and_the_numbers()
    {
        var (code, stdout, stderr) = Run("--Experiment:Policies:0=erk", "--Experiment:KeepDense:0=Linear", "--Experiment:Densities=0.5");
        Assert.Equal(2, code);
        var output = stdout + stderr;
        Assert.Contains("Experiment:Policies:0 (erk) at Experiment:Densities:0=0.5", output);
        Assert.Contains("58920", output);
        Assert.Contains("30735", output);
    }

    [Fact]
    public void A_declared_policy_name_gives_its_compile_time_table()
    {
        var (code, stdout, stderr) = Run("--Experiment:Models=lenet5", "--Experiment:Policies:0=erk90stemdense", "--Experiment:Densities=0.5", "--Output:Json=true");
        Assert.True(code == 0, stdout + stderr);
        using var layers = JsonDocument.Parse(stdout);
        var table = ModelCatalog.Find("lenet5")!.FindDensityTable("Erk90StemDense")!;
        Assert.Equal(table.Densities, layers.RootElement.EnumerateArray().Select(l => l.GetProperty("density").GetDouble()));
        Assert.Equal(1.0, table.Densities[0]); // the stem kept dense
        using var global = JsonDocument.Parse(stderr.Trim().Split('\n')[^1]);
        Assert.Equal("Erk90StemDense", global.RootElement.GetProperty("policy").GetString());
        Assert.Equal(0.1, global.RootElement.GetProperty("globalDensity").GetDouble(), 1e-3); // its own density, not 0.5
    }

    [Fact]
    public void An_unknown_policy_name_stops_at_start_up_listing_the_declared_ones()
    {
        var (code, stdout, stderr) = Run("--Experiment:Models=lenet5", "--Experiment:Policies:0=Erk95StemDense");
        Assert.Equal(2, code);
        var output = stdout + stderr;
        Assert.Contains("Experiment:Policies:0: unknown policy 'Erk95StemDense'", output);
        Assert.Contains("Erk90StemDense", output);
    }

    [Fact]
    public void Bad_settings_are_all_listed_with_their_keys()
    {
        var (code, stdout, stderr) = Run("--Experiment:Policies:0=magnitude", "--Experiment:LayerDensities:fc1=2", "--Data:Typo=1", "--Output:Json=maybe");
        Assert.Equal(2, code);
        var output = stdout + stderr;
        Assert.Contains("Experiment:Policies:0: unknown policy 'magnitude'", output);
        Assert.Contains("synflow", output);
        Assert.Contains("Experiment:LayerDensities:fc1", output);
        Assert.Contains("Data:Typo", output);
        Assert.Contains("Output:Json", output);
    }

    [Fact]
    public void Snip_ratio_ranks_on_fashion_mnist_and_keeps_exactly_the_budget()
    {
        var (code, stdout, stderr) = Run("--Experiment:Policies:0=snip", "--Experiment:Densities=0.1", "--Data:TrainLimit=2000", "--Runtime:Device=cpu", "--Output:Json=true");
        Assert.True(code == 0, stdout + stderr);
        using var layers = JsonDocument.Parse(stdout);
        var densities = layers.RootElement.EnumerateArray().Select(l => l.GetProperty("density").GetDouble()).ToArray();
        var kept = layers.RootElement.EnumerateArray().Sum(l => l.GetProperty("density").GetDouble() * l.GetProperty("parameters").GetInt64());
        Assert.Equal(6147, kept, 1e-6);
        Assert.True(densities[0] > densities[2], $"SNIP keeps the small stem denser than fc1: {string.Join(", ", densities)}");
    }
}
