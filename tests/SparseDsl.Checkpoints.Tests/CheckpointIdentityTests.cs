using SparseDsl.Modeling;
using SparseDsl.Torch.Optim;
using SparseDsl.Training;

namespace SparseDsl.Checkpoints.Tests;

/// <summary>A checkpoint is refused, before anything changes, by a run of another model, policy, shape or settings; tampering is caught by the hash.</summary>
public sealed class CheckpointIdentityTests : IDisposable
{
    private static readonly CheckpointIdentity MlpErk = new("Mlp", "erk@0.1");

    private readonly TestRuns.TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Runs <paramref name="use"/> with a fresh model's full training state (optimizer and schedule as the trainer makes them).</summary>
    private static void WithState(SparseModule model, CheckpointIdentity identity, TrainingSettings settings, Action<TrainingState> use)
    {
        using var optimizer = MaskedSgd.Create(model, settings);
        var schedule = optim.lr_scheduler.MultiStepLR(optimizer, settings.MilestoneEpochs(), settings.Gamma);
        use(new TrainingState(model, identity, settings, optimizer, schedule, """{"config":1}"""));
    }

    private string SavedMlpCheckpoint()
    {
        var path = folder.File("mlp.safetensors");
        using var model = TestRuns.MaskedModel("mlp");
        WithState(model, MlpErk, TestRuns.Settings(), state => TrainingCheckpoint.Save(path, state, []));
        return path;
    }

    /// <summary>Rewrites <paramref name="path"/> with <paramref name="change"/> applied to its tensors and a fresh, valid content hash.</summary>
    private static void Rewrite(string path, Func<IReadOnlyList<SafetensorsTensor>, IEnumerable<SafetensorsTensor>> change)
    {
        var file = SafetensorsReader.Read(path);
        var tensors = change(file.Tensors).ToList();
        var metadata = new Dictionary<string, string>(file.Metadata);
        metadata[ContentHash.MetadataKey] = ContentHash.Compute(tensors, metadata);
        SafetensorsWriter.WriteFile(path, new SafetensorsFile(tensors, metadata));
    }

    [Fact]
    public void Another_model_is_refused_naming_both_models()
    {
        var checkpoint = TrainingCheckpoint.Load(SavedMlpCheckpoint());
        using var lenet = TestRuns.MaskedModel("lenet5");
        var e = Assert.Throws<CheckpointMismatchException>(() => checkpoint.RestoreModel(lenet, new CheckpointIdentity("LeNet5", "erk@0.1")));
        Assert.Equal("checkpoint is for model Mlp / policy erk@0.1, this run is LeNet5 / erk@0.1", e.Problem);
    }

    [Fact]
    public void Another_policy_is_refused_naming_both_policies()
    {
        var checkpoint = TrainingCheckpoint.Load(SavedMlpCheckpoint());
        using var model = TestRuns.MaskedModel("mlp");
        WithState(model, new CheckpointIdentity("Mlp", "uniform@0.1"), TestRuns.Settings(), state =>
        {
            var e = Assert.Throws<CheckpointMismatchException>(() => checkpoint.RestoreTraining(state));
            Assert.Equal("checkpoint is for model Mlp / policy erk@0.1, this run is Mlp / uniform@0.1", e.Problem);
        });
    }

    [Fact]
    public void Missing_extra_and_reshaped_tensors_are_all_named()
    {
        var path = SavedMlpCheckpoint();
        Rewrite(path, tensors => tensors
            .Where(t => t.Name != "fc1.weight_mask")
            .Select(t => t.Name switch
            {
                "fc3.bias" => new SafetensorsTensor("fc3.offset", t.Dtype, [.. t.Shape], t.Data),
                "fc2.bias" => new SafetensorsTensor("fc2.bias", t.Dtype, [50], t.Data[..200]),
                _ => t,
            }));
        var checkpoint = TrainingCheckpoint.Load(path);
        using var model = TestRuns.MaskedModel("mlp");

        var e = Assert.Throws<CheckpointMismatchException>(() => checkpoint.RestoreModel(model, MlpErk));

        Assert.StartsWith("the checkpoint's tensors do not fit model Mlp: ", e.Problem);
        Assert.Contains("fc1.weight_mask is missing", e.Problem);
        Assert.Contains("fc2.bias is F32 [50] in the checkpoint but F32 [100] in the model", e.Problem);
        Assert.Contains("fc3.bias is missing", e.Problem);
        Assert.Contains("fc3.offset is not in the model", e.Problem);
    }

    [Fact]
    public void Other_training_settings_are_refused_and_nothing_changes()
    {
        var checkpoint = TrainingCheckpoint.Load(SavedMlpCheckpoint());
        using var model = TestRuns.MaskedModel("mlp", seed: 5); // other weights than the checkpoint's
        var before = model.state_dict().Select(p => p.tensor.data<float>()).ToList();

        WithState(model, MlpErk, TestRuns.Settings() with { Seed = 18, BatchSize = 32 }, state =>
        {
            var e = Assert.Throws<CheckpointMismatchException>(() => checkpoint.RestoreTraining(state));
            Assert.Contains("resuming would not be exact", e.Problem);
            Assert.Contains("BatchSize: 32 here, 64 in the checkpoint", e.Problem);
            Assert.Contains("Seed: 18 here, 17 in the checkpoint", e.Problem);
        });

        Assert.Equal(before, model.state_dict().Select(p => p.tensor.data<float>()).ToList());
    }

    [Fact]
    public void Changed_metadata_without_a_new_hash_is_caught()
    {
        var path = SavedMlpCheckpoint();
        var file = SafetensorsReader.Read(path);
        var metadata = new Dictionary<string, string>(file.Metadata) { [CheckpointKeys.Epoch] = "0 " };
        SafetensorsWriter.WriteFile(path, new SafetensorsFile(file.Tensors, metadata));

        var e = Assert.Throws<CheckpointFormatException>(() => TrainingCheckpoint.Load(path));
        Assert.Contains("content hash mismatch", e.Problem);
    }

    [Fact]
    public void A_plain_safetensors_file_is_not_taken_for_a_checkpoint()
    {
        var path = folder.File("plain.safetensors");
        SafetensorsWriter.WriteFile(path, new SafetensorsFile([new SafetensorsTensor("w", SafetensorsDtype.U8, [1], [0])]));
        var e = Assert.Throws<CheckpointFormatException>(() => TrainingCheckpoint.Load(path));
        Assert.Contains("no 'content_sha256' in the metadata", e.Problem);
    }

    [Fact]
    public void Restoring_the_model_copies_weights_masks_and_buffers_exactly()
    {
        var path = SavedMlpCheckpoint();
        using var saved = TestRuns.MaskedModel("mlp");
        using var other = TestRuns.MaskedModel("mlp", seed: 5);

        TrainingCheckpoint.Load(path).RestoreModel(other, MlpErk);

        foreach (var ((name, expected), (_, actual)) in saved.state_dict().Zip(other.state_dict()))
            Assert.True(expected.data<float>().SequenceEqual(actual.data<float>()), $"{name} differs after restore");
    }
}
