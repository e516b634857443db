using SparseDsl.Training;

namespace SparseDsl.Checkpoints.Tests;

/// <summary>The trainer's checkpoints: what they hold, cancelling and resuming in-process, finished and restarted runs.</summary>
public sealed class TrainerCheckpointTests : IDisposable
{
    private readonly TestRuns.TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_latest_checkpoint_holds_the_model_optimizer_schedule_rng_and_run_metadata()
    {
        using var train = TestRuns.Slice(0, 256);
        using var model = TestRuns.MaskedModel("mlp");
        var options = TestRuns.Options(folder.Path);
        var settings = TestRuns.Settings(epochs: 2) with { MilestoneFractions = [0.5] };

        new Trainer(settings).Train(model, train, null, checkpoints: options);

        var checkpoint = TrainingCheckpoint.Load(options.LatestPath);
        var file = checkpoint.Content;
        var modelTensors = model.state_dict();
        foreach (var (name, tensor) in modelTensors)
        {
            var stored = file.Find(name);
            Assert.True(stored is not null, $"{name} is not in the checkpoint");
            Assert.Equal(tensor.shape, stored.Shape);
        }
        Assert.Contains(file.Tensors, t => t.Name == "fc1.weight_mask");
        var parameters = model.parameters().ToList();
        for (var i = 0; i < parameters.Count; i++)
            Assert.Equal(parameters[i].shape, file.Find($"optimizer.{i}.momentum_buffer")!.Shape);
        Assert.Equal(SafetensorsDtype.U8, file.Find(CheckpointKeys.TorchCpuRngState)!.Dtype);
        Assert.Equal(modelTensors.Count + parameters.Count + 1, file.Tensors.Count);

        Assert.Equal(new CheckpointIdentity("Mlp", "erk@0.1"), checkpoint.Identity);
        Assert.Equal(2, checkpoint.Epoch);
        Assert.Equal(2, checkpoint.History.Count);
        Assert.Equal("""{"run":"test"}""", checkpoint.Configuration);
        var metadata = file.Metadata;
        Assert.Equal("SGD", metadata["optimizer_type"]);
        Assert.Equal("MultiStepLR", metadata["scheduler_type"]);
        Assert.Equal("0.9", metadata["optimizer.momentum"]);
        Assert.Equal("1", metadata["optimizer.nesterov"]);
        Assert.Equal("2", metadata["scheduler.last_epoch"]);
        // lr ×0.1 after epoch 1 of 2: the next epoch would run at 0.1 · 0.1 (as PyTorch computes it, 0.010000000000000002).
        Assert.Equal((0.1 * 0.1).ToString("R", System.Globalization.CultureInfo.InvariantCulture), metadata["optimizer.lr"]);
    }

    [Theory]
    [InlineData(Precision.Fp32)]
    [InlineData(Precision.Bf16)]
    public void A_run_cancelled_mid_epoch_resumes_to_the_same_bits_as_an_uninterrupted_run(Precision precision)
    {
        using var train = TestRuns.Slice(0, 512);
        using var validation = TestRuns.Slice(512, 128);
        var settings = TestRuns.Settings(epochs: 3) with { Precision = precision };

        using var reference = TestRuns.MaskedModel("mlp");
        var referenceHistory = new Trainer(settings).Train(reference, train, validation, checkpoints: TestRuns.Options(folder.File("reference")));

        var options = TestRuns.Options(folder.File("interrupted"));
        using (var interrupted = TestRuns.MaskedModel("mlp"))
        using (var cancel = new CancellationTokenSource())
        {
            var trainer = new Trainer(settings) { OnStep = p => { if (p is { Epoch: 2, Step: 3 }) cancel.Cancel(); } };
            Assert.Throws<OperationCanceledException>(() => trainer.Train(interrupted, train, validation, null, cancel.Token, options));
        }
        Assert.Equal(1, TrainingCheckpoint.Load(options.LatestPath).Epoch); // cancelling saved nothing new

        // A new process would rebuild the model from its seed; a different seed here proves the checkpoint wins.
        using var resumed = TestRuns.MaskedModel("mlp", seed: 99);
        var resumedFrom = -1;
        var epochsRun = new List<int>();
        var history = new Trainer(settings).Train(resumed, train, validation, m => epochsRun.Add(m.Epoch),
            checkpoints: options with { OnResumed = e => resumedFrom = e });

        Assert.Equal(1, resumedFrom);
        Assert.Equal([2, 3], epochsRun);
        foreach (var ((name, expected), (_, actual)) in reference.state_dict().Zip(resumed.state_dict()))
            Assert.True(expected.data<float>().SequenceEqual(actual.data<float>()), $"{name} differs from the uninterrupted run");
        Assert.Equal(referenceHistory.Select(m => (m.LearningRate, m.Train, m.Validation)), history.Select(m => (m.LearningRate, m.Train, m.Validation)));
    }

    [Fact]
    public void Resuming_restores_torchs_cpu_generator_to_where_the_checkpoint_left_it()
    {
        using var train = TestRuns.Slice(0, 128);
        var options = TestRuns.Options(folder.Path);
        var settings = TestRuns.Settings(epochs: 1);
        using var model = TestRuns.MaskedModel("mlp");
        new Trainer(settings).Train(model, train, null, checkpoints: options);
        using var scope = NewDisposeScope();
        var next = randn(8).data<float>(); // the draws that followed the checkpoint

        randn(100);
        manual_seed(12345);
        new Trainer(settings).Train(model, train, null, checkpoints: options); // finished: restores, trains nothing

        Assert.Equal(next, randn(8).data<float>());
    }

    [Fact]
    public void Keep_best_keeps_the_checkpoint_of_the_best_validation_epoch()
    {
        using var train = TestRuns.Slice(0, 256);
        using var validation = TestRuns.Slice(256, 128);
        var options = TestRuns.Options(folder.Path) with { KeepBest = true };
        using var model = TestRuns.MaskedModel("mlp");

        var history = new Trainer(TestRuns.Settings(epochs: 3)).Train(model, train, validation, checkpoints: options);

        var bestAccuracy = history.Max(m => m.Validation!.Value.Accuracy);
        var bestEpoch = history.First(m => m.Validation!.Value.Accuracy == bestAccuracy).Epoch;
        var best = TrainingCheckpoint.Load(options.BestPath);
        Assert.Equal(bestEpoch, best.Epoch);
        Assert.Equal(3, TrainingCheckpoint.Load(options.LatestPath).Epoch);
        if (bestEpoch == 3) Assert.Equal(File.ReadAllBytes(options.LatestPath), File.ReadAllBytes(options.BestPath));
    }

    [Fact]
    public void A_finished_run_is_not_trained_again_and_resume_false_starts_over()
    {
        using var train = TestRuns.Slice(0, 128);
        var options = TestRuns.Options(folder.Path);
        var settings = TestRuns.Settings(epochs: 1);
        using var model = TestRuns.MaskedModel("mlp");
        new Trainer(settings).Train(model, train, null, checkpoints: options);
        var finished = File.ReadAllBytes(options.LatestPath);

        var calls = 0;
        var history = new Trainer(settings).Train(model, train, null, _ => calls++, checkpoints: options);
        Assert.Equal(0, calls);
        Assert.Single(history);
        Assert.Equal(finished, File.ReadAllBytes(options.LatestPath));

        using var fresh = TestRuns.MaskedModel("mlp");
        new Trainer(settings).Train(fresh, train, null, _ => calls++, checkpoints: options with { Resume = false });
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Resuming_another_models_run_folder_is_refused()
    {
        using var train = TestRuns.Slice(0, 128);
        var options = TestRuns.Options(folder.Path);
        using (var mlp = TestRuns.MaskedModel("mlp"))
            new Trainer(TestRuns.Settings(epochs: 1)).Train(mlp, train, null, checkpoints: options);

        using var lenet = TestRuns.MaskedModel("lenet5");
        var e = Assert.Throws<CheckpointMismatchException>(() => new Trainer(TestRuns.Settings(epochs: 1)).Train(lenet, train, null, checkpoints: options));
        Assert.Equal("checkpoint is for model Mlp / policy erk@0.1, this run is LeNet5 / erk@0.1", e.Problem);
        Assert.Equal(options.LatestPath, e.Path);
    }

    [Fact]
    public void A_float16_runs_loss_scale_is_saved_and_restored_and_its_absence_is_reported()
    {
        using var model = TestRuns.MaskedModel("mlp");
        var settings = TestRuns.Settings() with { Precision = Precision.Fp16 };
        using var optimizer = MaskedSgd.Create(model, settings);
        var identity = new CheckpointIdentity("Mlp", "erk@0.1");
        var scaler = new SparseDsl.Torch.Amp.GradScaler(init_scale: 8, growth_interval: 10);
        scaler.load_state(1024, 7);
        var path = folder.File("fp16.safetensors");
        TrainingCheckpoint.Save(path, new TrainingState(model, identity, settings, optimizer, LearningRateSchedule.Create(optimizer, settings), Scaler: scaler), []);
        var checkpoint = TrainingCheckpoint.Load(path);
        Assert.Equal(("1024", "7"), (checkpoint.Content.Metadata["grad_scaler.scale"], checkpoint.Content.Metadata["grad_scaler.growth_tracker"]));

        var restored = new SparseDsl.Torch.Amp.GradScaler(growth_interval: 10);
        checkpoint.RestoreTraining(new TrainingState(model, identity, settings, optimizer, LearningRateSchedule.Create(optimizer, settings), Scaler: restored));
        Assert.Equal((1024.0, 7), (restored.Scale, restored.GrowthTracker));

        // Saved without a scaler (as a float32 run would be), restored into a float16 run: named, nothing changed.
        var plain = folder.File("plain.safetensors");
        TrainingCheckpoint.Save(plain, new TrainingState(model, identity, settings, optimizer, LearningRateSchedule.Create(optimizer, settings)), []);
        var fresh = new SparseDsl.Torch.Amp.GradScaler(growth_interval: 10);
        var error = Assert.Throws<CheckpointFormatException>(() => TrainingCheckpoint.Load(plain).RestoreTraining(
            new TrainingState(model, identity, settings, optimizer, LearningRateSchedule.Create(optimizer, settings), Scaler: fresh)));
        Assert.Contains("grad_scaler.scale", error.Message);
        Assert.Equal(65536.0, fresh.Scale);
    }
}
