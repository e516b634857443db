using SparseDsl.Torch.Optim;
using SparseDsl.Training;

namespace SparseDsl.Checkpoints.Tests;

// Reference rates from PyTorch 1.13 (/usr/bin/python3), the rate each epoch trains at, printed with repr:
//   opt = torch.optim.SGD([p], lr=lr, momentum=0.9, nesterov=True)
//   s = SequentialLR(opt, [LinearLR(opt, start_factor=sf, total_iters=w), MultiStepLR(opt, [m - w for m in milestones], gamma=0.1)], [w])
//   for e in range(epochs): rates.append(opt.param_groups[0]['lr']); opt.step(); s.step()
/// <summary>The linear warm-up before the step schedule: PyTorch's rates exactly, and an exact resume in the middle of it.</summary>
public sealed class WarmupScheduleTests : IDisposable
{
    private readonly TestRuns.TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>The rate of every epoch, from the schedule the trainer builds.</summary>
    private static double[] EpochRates(TrainingSettings settings)
    {
        using var data = zeros(1);
        using var weight = new nn.Parameter(data);
        using var optimizer = optim.SGD([weight], settings.LearningRate, settings.Momentum, 0, settings.WeightDecay, settings.Nesterov);
        var schedule = LearningRateSchedule.Create(optimizer, settings);
        var rates = new double[settings.Epochs];
        for (var e = 0; e < settings.Epochs; e++)
        {
            rates[e] = optimizer.LearningRate;
            schedule.step();
        }
        return rates;
    }

    private static double[] Repeat(double value, int count) => [.. Enumerable.Repeat(value, count)];

    [Fact]
    public void The_imagenet_recipe_warms_up_for_5_epochs_then_decays_after_epochs_30_60_and_90_as_pytorch_does()
    {
        // lr = 0.4, w = 5, sf = 0.1, milestones = [30, 60, 90], epochs = 100
        var settings = new TrainingSettings
        {
            Epochs = 100, LearningRate = 0.4, WeightDecay = 1e-4, MilestoneFractions = [0.3, 0.6, 0.9], Warmup = new LinearWarmup(5, 0.1),
        };
        double[] expected = [0.04000000000000001, 0.11200000000000002, 0.18400000000000002, 0.256, 0.328,
            .. Repeat(0.4, 25), .. Repeat(0.04000000000000001, 30), .. Repeat(0.004000000000000001, 30), .. Repeat(0.00040000000000000013, 10)];
        Assert.Equal(expected, EpochRates(settings));
    }

    [Fact]
    public void A_linearly_scaled_rate_warms_up_to_itself()
    {
        // lr = 0.4 * (256 / 768) (0.13333333333333333, as 0.4 * 256 / 768), w = 5, sf = 0.1, milestones = [30, 60, 90], epochs = 100
        var settings = new TrainingSettings
        {
            Epochs = 100, LearningRate = 0.4 * (256 / 768.0), MilestoneFractions = [0.3, 0.6, 0.9], Warmup = new LinearWarmup(5, 0.1),
        };
        double[] expected = [0.013333333333333334, 0.037333333333333336, 0.06133333333333334, 0.08533333333333333, 0.10933333333333332,
            .. Repeat(0.13333333333333333, 25), .. Repeat(0.013333333333333334, 30), .. Repeat(0.0013333333333333335, 30), .. Repeat(0.00013333333333333337, 10)];
        Assert.Equal(expected, EpochRates(settings));
    }

    [Fact]
    public void Without_warmup_the_schedule_is_the_plain_multistep_one()
    {
        using var data = zeros(1);
        using var weight = new nn.Parameter(data);
        using var optimizer = optim.SGD([weight], 0.1);
        Assert.IsType<MultiStepLR>(LearningRateSchedule.Create(optimizer, new TrainingSettings()));
    }

    [Fact]
    public void Settings_without_warmup_are_stored_as_before_so_older_checkpoints_stay_resumable()
    {
        using var train = TestRuns.Slice(0, 64);
        using (var plain = TestRuns.MaskedModel("mlp"))
            new Trainer(TestRuns.Settings(epochs: 1)).Train(plain, train, null, checkpoints: TestRuns.Options(folder.File("plain")));
        using (var warm = TestRuns.MaskedModel("mlp"))
            new Trainer(TestRuns.Settings(epochs: 2) with { MilestoneFractions = [], Warmup = new LinearWarmup(1, 0.5) }).Train(warm, train, null, checkpoints: TestRuns.Options(folder.File("warm")));

        Assert.DoesNotContain("Warmup", TrainingCheckpoint.Load(TestRuns.Options(folder.File("plain")).LatestPath).TrainingSettings);
        Assert.Contains("\"Warmup\":{\"Epochs\":1,\"StartFactor\":0.5}", TrainingCheckpoint.Load(TestRuns.Options(folder.File("warm")).LatestPath).TrainingSettings);
    }

    [Fact]
    public void A_milestone_inside_the_warmup_is_refused()
    {
        using var data = zeros(1);
        using var weight = new nn.Parameter(data);
        using var optimizer = optim.SGD([weight], 0.1);
        var e = Assert.Throws<ArgumentException>(() => LearningRateSchedule.Create(optimizer,
            new TrainingSettings { Epochs = 10, MilestoneFractions = [0.2, 0.5], Warmup = new LinearWarmup(3, 0.1) }));
        Assert.Contains("Milestone epoch 2 falls inside the 3 warm-up epochs", e.Message);
    }

    // lr = 0.1, w = 3, sf = 0.25, milestones = [4], epochs = 6
    private static readonly double[] SmallRunRates = [0.025, 0.05, 0.07500000000000001, 0.1, 0.010000000000000002, 0.010000000000000002];

    private static TrainingSettings SmallRun => TestRuns.Settings(epochs: 6) with { MilestoneFractions = [0.7], Warmup = new LinearWarmup(3, 0.25) };

    [Fact]
    public void A_run_cancelled_mid_warmup_resumes_the_schedule_and_the_weights_exactly()
    {
        using var train = TestRuns.Slice(0, 256);
        using var validation = TestRuns.Slice(256, 64);

        using var reference = TestRuns.MaskedModel("mlp");
        var referenceHistory = new Trainer(SmallRun).Train(reference, train, validation, checkpoints: TestRuns.Options(folder.File("reference")));
        Assert.Equal(SmallRunRates, referenceHistory.Select(m => m.LearningRate));

        var options = TestRuns.Options(folder.File("interrupted"));
        using (var interrupted = TestRuns.MaskedModel("mlp"))
        using (var cancel = new CancellationTokenSource())
        {
            var trainer = new Trainer(SmallRun) { OnStep = p => { if (p is { Epoch: 3, Step: 2 }) cancel.Cancel(); } };
            Assert.Throws<OperationCanceledException>(() => trainer.Train(interrupted, train, validation, null, cancel.Token, options));
        }
        var saved = TrainingCheckpoint.Load(options.LatestPath);
        Assert.Equal(2, saved.Epoch); // inside the warm-up
        Assert.Equal("SequentialLR", saved.Content.Metadata[CheckpointKeys.SchedulerType]);

        using var resumed = TestRuns.MaskedModel("mlp", seed: 99);
        var epochsRun = new List<int>();
        var history = new Trainer(SmallRun).Train(resumed, train, validation, m => epochsRun.Add(m.Epoch), checkpoints: options);

        Assert.Equal([3, 4, 5, 6], epochsRun);
        Assert.Equal(SmallRunRates, history.Select(m => m.LearningRate));
        foreach (var ((name, expected), (_, actual)) in reference.state_dict().Zip(resumed.state_dict()))
            Assert.True(expected.data<float>().SequenceEqual(actual.data<float>()), $"{name} differs from the uninterrupted run");
        Assert.Equal(referenceHistory.Select(m => (m.Train, m.Validation)), history.Select(m => (m.Train, m.Validation)));
    }

    [Fact]
    public void Resuming_with_another_warmup_is_refused_naming_it()
    {
        using var train = TestRuns.Slice(0, 128);
        var options = TestRuns.Options(folder.Path);
        using (var model = TestRuns.MaskedModel("mlp"))
            new Trainer(TestRuns.Settings(epochs: 3) with { MilestoneFractions = [], Warmup = new LinearWarmup(2, 0.1) }).Train(model, train, null, checkpoints: options);
        using var other = TestRuns.MaskedModel("mlp");
        var e = Assert.Throws<CheckpointMismatchException>(() =>
            new Trainer(TestRuns.Settings(epochs: 3) with { MilestoneFractions = [], Warmup = new LinearWarmup(2, 0.2) }).Train(other, train, null, checkpoints: options));
        Assert.Contains("Warmup", e.Problem);
    }
}
