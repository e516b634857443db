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
            ("Runtime:Device", "tpu"),
            ("Runtime:MemoryFormat", "nhwc")));
        Assert.Equal(8, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.StartsWith("Experiment:Models:0:") && p.Contains("resnet9000"));
        Assert.Contains(e.Problems, p => p.StartsWith("Experiment:Policies:1:") && p.Contains("magic"));
        Assert.Contains(e.Problems, p => p.StartsWith("Experiment:Densities:1:"));
        Assert.Contains(e.Problems, p => p.StartsWith("Training:Epochs:"));
        Assert.Contains(e.Problems, p => p.StartsWith("Training:Momentum:"));
        Assert.Contains(e.Problems, p => p.StartsWith("Data:ValidationFraction:"));
        Assert.Contains(e.Problems, p => p.StartsWith("Runtime:Device:") && p.Contains("tpu"));
        Assert.Contains(e.Problems, p => p.StartsWith("Runtime:MemoryFormat:") && p.Contains("'nhwc'") && p.Contains("channels_last"));
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

    private static RunnerOptions WithPreset(string preset, params string[] commandLine)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([KeyValuePair.Create("Training:Epochs", (string?)"3"), KeyValuePair.Create("Training:LearningRate", (string?)"0.05"),
            KeyValuePair.Create("Preset", (string?)preset)]);
        configuration.AddCommandLine(["--Experiment:Models=mlp", "--Experiment:Policies=dense", .. commandLine]);
        Presets.Apply(configuration);
        return RunnerOptions.Load(configuration, name => name == "mlp");
    }

    [Fact]
    public void Paper_imagenet_preset_sets_the_recipe_with_lr_0_4_at_batch_768()
    {
        var o = WithPreset("paper-imagenet");
        var t = o.Training;
        Assert.Equal((100, 768, 0.4, 0.9, true, 1e-4, 0.1, 0.1), (t.Epochs, t.BatchSize, t.LearningRate, t.Momentum, t.Nesterov, t.WeightDecay, t.Gamma, t.LabelSmoothing));
        Assert.Equal((5, 0.1), (t.WarmupEpochs, t.WarmupStartFactor));
        var settings = t.ToSettings(17);
        Assert.Equal([30, 60, 90], settings.MilestoneEpochs());
        Assert.Equal(new SparseDsl.Training.LinearWarmup(5, 0.1), settings.Warmup);
        Assert.Equal(("imagefolder", 0.0), (o.Data.Dataset, o.Data.ValidationFraction));
        Assert.Equal([17L], o.Experiment.Seeds);
    }

    [Fact]
    public void Paper_imagenet_preset_scales_the_learning_rate_with_an_overridden_batch_size()
    {
        Assert.Equal(0.4 * (256 / 768.0), WithPreset("paper-imagenet", "--Training:BatchSize=256").Training.LearningRate);
        Assert.Equal(0.4 * (1024 / 768.0), WithPreset("paper-imagenet", "--Training:BatchSize=1024").Training.LearningRate);
        // An explicit learning rate wins over the scaling rule; every other knob is overridable too.
        var o = WithPreset("paper-imagenet", "--Training:BatchSize=256", "--Training:LearningRate=0.3", "--Training:WarmupEpochs=2", "--Training:Epochs=10");
        Assert.Equal((256, 0.3, 2, 10), (o.Training.BatchSize, o.Training.LearningRate, o.Training.WarmupEpochs, o.Training.Epochs));
    }

    [Fact]
    public void Channels_last_is_refused_on_the_cpu_with_the_reason()
    {
        var cpu = Assert.Throws<OptionsException>(() => Load(("Experiment:Models", "mlp"), ("Experiment:Policies", "dense"), ("Experiment:Seeds", "1"),
            ("Runtime:MemoryFormat", "channels_last"), ("Runtime:Device", "cpu")));
        Assert.StartsWith("Runtime:MemoryFormat: channels_last is for CUDA", Assert.Single(cpu.Problems));
        Assert.Contains("use the contiguous layout", cpu.Problems[0]);
        Assert.Equal(SparseDsl.Torch.MemoryFormat.ChannelsLast, Load(("Experiment:Models", "mlp"), ("Experiment:Policies", "dense"),
            ("Experiment:Seeds", "1"), ("Runtime:MemoryFormat", "channels_last"), ("Runtime:Device", "cuda")).Runtime.Layout);
    }

    [Fact]
    public void Precision_must_be_a_known_name_and_fp16_needs_cuda()
    {
        var unknown = Assert.Throws<OptionsException>(() => Load(("Experiment:Models", "mlp"), ("Experiment:Policies", "dense"), ("Experiment:Seeds", "1"),
            ("Training:Precision", "half")));
        Assert.Equal("Training:Precision: 'half' is not valid; expected fp32, bf16 (CPU or CUDA) or fp16 (CUDA).", Assert.Single(unknown.Problems));
        var cpu = Assert.Throws<OptionsException>(() => Load(("Experiment:Models", "mlp"), ("Experiment:Policies", "dense"), ("Experiment:Seeds", "1"),
            ("Training:Precision", "fp16"), ("Runtime:Device", "cpu")));
        Assert.StartsWith("Training:Precision: fp16 needs a CUDA device", Assert.Single(cpu.Problems));
        var bf16 = Load(("Experiment:Models", "mlp"), ("Experiment:Policies", "dense"), ("Experiment:Seeds", "1"),
            ("Training:Precision", "BF16"), ("Runtime:Device", "cpu"));
        Assert.Equal(SparseDsl.Training.Precision.Bf16, bf16.Training.ToSettings(1).Precision);
    }

    [Fact]
    public void Warmup_problems_are_listed_with_their_keys()
    {
        var e = Assert.Throws<OptionsException>(() => Load(("Experiment:Models", "mlp"), ("Experiment:Policies", "dense"), ("Experiment:Seeds", "1"),
            ("Training:Epochs", "10"), ("Training:WarmupEpochs", "4"), ("Training:MilestoneFractions", "0.3,0.5"), ("Training:WarmupStartFactor", "0"),
            ("Output:LogInterval", "-1")));
        Assert.Equal(3, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.StartsWith("Training:WarmupStartFactor:") && p.Contains("(0, 1]"));
        Assert.Contains(e.Problems, p => p.StartsWith("Training:MilestoneFractions:") && p.Contains("milestone epoch(s) 3 of 10 fall inside the 4 warm-up epochs"));
        Assert.Contains(e.Problems, p => p.StartsWith("Output:LogInterval:"));

        var tooLong = Assert.Throws<OptionsException>(() => Load(("Experiment:Models", "mlp"), ("Experiment:Policies", "dense"), ("Experiment:Seeds", "1"),
            ("Training:Epochs", "3"), ("Training:WarmupEpochs", "5")));
        Assert.Equal("Training:WarmupEpochs: 5 must be less than Training:Epochs (3); lower it, or set 0 for no warm-up.", Assert.Single(tooLong.Problems));
        var negative = Assert.Throws<OptionsException>(() => Load(("Experiment:Models", "mlp"), ("Experiment:Policies", "dense"), ("Experiment:Seeds", "1"),
            ("Training:WarmupEpochs", "-1")));
        Assert.StartsWith("Training:WarmupEpochs: -1 must be 0", Assert.Single(negative.Problems));
    }

    [Fact]
    public void Warmup_enters_the_run_configuration_only_when_on_so_existing_run_folders_keep_their_names()
    {
        var spec = new SparseDsl.Runner.Experiments.RunSpec("Mlp", "erk", 0.1, 17);
        var plain = new SparseDsl.Runner.Experiments.RunConfiguration(spec, new TrainingOptions().ToSettings(17), new DataOptions(), new ExperimentOptions());
        var warm = new SparseDsl.Runner.Experiments.RunConfiguration(spec, new TrainingOptions { WarmupEpochs = 2 }.ToSettings(17), new DataOptions(), new ExperimentOptions());
        Assert.DoesNotContain("warmup", plain.Json);
        Assert.Contains("\"warmupEpochs\": 2", warm.Json);
        Assert.Contains("\"warmupStartFactor\": 0.1", warm.Json);
        Assert.NotEqual(plain.Hash, warm.Hash);
    }

    [Fact]
    public void Mixed_precision_enters_the_run_configuration_only_when_on()
    {
        var spec = new SparseDsl.Runner.Experiments.RunSpec("Mlp", "erk", 0.1, 17);
        var plain = new SparseDsl.Runner.Experiments.RunConfiguration(spec, new TrainingOptions().ToSettings(17), new DataOptions(), new ExperimentOptions());
        var bf16 = new SparseDsl.Runner.Experiments.RunConfiguration(spec, new TrainingOptions { Precision = "bf16" }.ToSettings(17), new DataOptions(), new ExperimentOptions());
        Assert.DoesNotContain("precision", plain.Json);
        Assert.Contains("\"precision\": \"bf16\"", bf16.Json);
        Assert.NotEqual(plain.Hash, bf16.Hash);
    }
}
