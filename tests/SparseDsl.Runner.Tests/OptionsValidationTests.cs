using Microsoft.Extensions.Configuration;
using SparseDsl.Runner.Options;

namespace SparseDsl.Runner.Tests;

public class OptionsValidationTests
{
    private static RunnerOptions Load(params (string Key, string Value)[] settings) =>
        RunnerOptions.Load(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            name => name is "lenet5" or "mlp");

    [Fact]
    public void Valid_settings_bind()
    {
        var o = Load(("Experiment:Models:0", "mlp"), ("Experiment:Policies:0", "erk"), ("Experiment:Densities:0", "0.1"),
            ("Experiment:Seeds:0", "1"), ("Training:Epochs", "2"), ("Runtime:Device", "cpu"));
        Assert.Equal(["mlp"], o.Experiment.Models);
        Assert.Equal(["erk"], o.Experiment.Policies);
        Assert.Equal([0.1], o.Experiment.Densities);
        Assert.Equal(2, o.Training.Epochs);
    }

    [Fact]
    public void Comma_separated_lists_replace_indexed_ones()
    {
        var o = Load(("Experiment:Models:0", "mlp"), ("Experiment:Models", "lenet5, mlp"), ("Experiment:Policies", "dense,erk,uniform+"),
            ("Experiment:Densities", "0.1,0.05"), ("Experiment:Seeds", "1,2,3"));
        Assert.Equal(["lenet5", "mlp"], o.Experiment.Models);
        Assert.Equal(["dense", "erk", "uniform+"], o.Experiment.Policies);
        Assert.Equal([0.1, 0.05], o.Experiment.Densities);
        Assert.Equal([1L, 2L, 3L], o.Experiment.Seeds);
    }

    [Fact]
    public void Every_type_problem_and_unknown_key_is_listed_at_once()
    {
        var e = Assert.Throws<OptionsException>(() => Load(
            ("Training:Epochs", "three"),
            ("Training:Nesterov", "maybe"),
            ("Training:Epoks", "3"),
            ("Experiment:MaskSampling", "poisson"),
            ("Training:BatchSize", "0"),
            ("Experiment:Models", "mlp"), ("Experiment:Policies", "dense"), ("Experiment:Seeds", "1")));
        Assert.Equal(5, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.StartsWith("Training:BatchSize:") && p.Contains("at least 1"));
        Assert.Contains(e.Problems, p => p.StartsWith("Training:Epochs:") && p.Contains("integer"));
        Assert.Contains(e.Problems, p => p.StartsWith("Training:Nesterov:") && p.Contains("true or false"));
        Assert.Contains(e.Problems, p => p.StartsWith("Training:Epoks:") && p.Contains("unknown setting"));
        Assert.Contains(e.Problems, p => p.StartsWith("Experiment:MaskSampling:") && p.Contains("Exact, Bernoulli"));
    }

    [Fact]
    public void Every_range_problem_is_listed_at_once()
    {
        var e = Assert.Throws<OptionsException>(() => Load(
            ("Experiment:Models", "resnet9000"),
            ("Experiment:Policies:0", "erk"),
            ("Experiment:Policies:1", "magic"),
            ("Experiment:Densities", "0.1,1.5"),
            ("Experiment:Seeds", "17"),
            ("Training:Epochs", "0"),
            ("Training:Momentum", "1.2"),
            ("Data:ValidationFraction", "1"),
            ("Runtime:Device", "tpu")));
        Assert.Equal(7, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.StartsWith("Experiment:Models:0:") && p.Contains("resnet9000"));
        Assert.Contains(e.Problems, p => p.StartsWith("Experiment:Policies:1:") && p.Contains("magic"));
        Assert.Contains(e.Problems, p => p.StartsWith("Experiment:Densities:1:"));
        Assert.Contains(e.Problems, p => p.StartsWith("Training:Epochs:"));
        Assert.Contains(e.Problems, p => p.StartsWith("Training:Momentum:"));
        Assert.Contains(e.Problems, p => p.StartsWith("Data:ValidationFraction:"));
        Assert.Contains(e.Problems, p => p.StartsWith("Runtime:Device:") && p.Contains("tpu"));
    }

    [Fact]
    public void Paper_cifar_preset_sets_the_recipe_and_the_command_line_still_wins()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([KeyValuePair.Create("Training:Epochs", (string?)"3"), KeyValuePair.Create("Preset", (string?)"paper-cifar")]);
        configuration.AddCommandLine(["--Training:LearningRate=0.05", "--Experiment:Models=mlp", "--Experiment:Policies=dense"]);
        Presets.Apply(configuration);
        var o = RunnerOptions.Load(configuration, name => name == "mlp");
        Assert.Equal(160, o.Training.Epochs);          // preset over appsettings
        Assert.Equal(0.05, o.Training.LearningRate);   // command line over preset
        Assert.Equal(5e-4, o.Training.WeightDecay);
        Assert.Equal([0.5, 0.75], o.Training.MilestoneFractions);
        Assert.True(o.Training.Nesterov);
    }
}
