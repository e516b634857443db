using System.Globalization;
using SparseDsl;
using SparseDsl.Checkpoints;
using SparseDsl.Data;
using SparseDsl.Generated;
using SparseDsl.Sparsity;
using SparseDsl.Torch;
using SparseDsl.Training;
using static SparseDsl.Torch.torch;

// The processes of the distributed tests. Modes:
//   train <weights-file> <run-folder> [--corrupt-mask]
//       with the launch environment (MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK): one rank of data-parallel
//       training over Gloo, per-rank batch GlobalBatch / WORLD_SIZE on its shard; without it: one process with the
//       whole batch. Either way LeNet-5 at 90% ERK sparsity, 256 fixed Fashion-MNIST images, 2 epochs of SGD with
//       Nesterov momentum and weight decay (8 steps), a checkpoint per epoch in <run-folder>; the final weights go
//       to <weights-file> as raw float32, parameters then buffers. --corrupt-mask flips one mask entry on rank 1;
//       --stop-after-epoch E cancels the run once epoch E is checkpointed (exit 6), and the same command resumes it.
//   collectives   all_reduce (SUM, MAX), broadcast and barrier; prints what each rank ends with.
//   overlap <bucket-cap-mb>   3 steps of DistributedDataParallel on LeNet-5, each rank with its own batch; per step
//       prints the bucket statistics, how far the averaged gradients are from an all-reduce of the local ones made by
//       hand (0 when right), how far from the local ones (> 0: averaging happened), and the live tensor handles.
//   unused   a model with a parameter left out of the loss, then two backward passes before one wait: both errors
//       of wait_for_gradients are printed; a third step that uses every parameter must still average correctly.
// Exit codes: 0 done, 2 usage, 4 masks differ between ranks, 5 invalid launch environment, 6 stopped as asked.
const int GlobalBatch = 64;
const long Seed = 17;
set_num_threads(1);  // deterministic CPU kernels, so the two runs differ only by the reduction
try
{
    var environment = DistributedEnvironment.FromProcess();
    return args switch
    {
        ["collectives"] => Collectives(environment!),
        ["overlap", var cap] => GradientSteps.Overlap(environment!, double.Parse(cap, CultureInfo.InvariantCulture)),
        ["unused"] => GradientSteps.Unused(environment!),
        ["train", var weights, var runFolder, .. var rest] => Train(environment, weights, runFolder, rest.Contains("--corrupt-mask"),
            rest.SkipWhile(a => a != "--stop-after-epoch").Skip(1).Select(e => int.Parse(e, CultureInfo.InvariantCulture)).FirstOrDefault()),
        _ => Usage(),
    };
}
catch (DistributedEnvironmentException e)
{
    Console.Error.WriteLine(e.Message);
    return 5;
}
catch (MaskMismatchException e)
{
    Console.Error.WriteLine(e.Message);
    return 4;
}
finally
{
    if (distributed.is_initialized()) distributed.destroy_process_group();
}

static int Usage()
{
    Console.Error.WriteLine("usage: SparseDsl.DistributedHost train <weights-file> <run-folder> [--corrupt-mask] | collectives");
    return 2;
}

static int Collectives(DistributedEnvironment environment)
{
    distributed.init_process_group("gloo", environment, TimeSpan.FromSeconds(60));
    var rank = distributed.get_rank();
    using var sum = torch.tensor(new float[] { rank + 1, 10 * (rank + 1) }, [2]);
    distributed.all_reduce(sum);
    using var max = torch.tensor(new long[] { rank * 7 }, [1]);
    distributed.all_reduce(max, distributed.ReduceOp.MAX);
    using var broadcast = torch.tensor(new double[] { rank + 0.5 }, [1]);
    distributed.broadcast(broadcast, src: 1);
    distributed.barrier();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"rank {rank}/{distributed.get_world_size()} sum {string.Join(',', sum.data<float>())} max {max.item<long>()} broadcast {broadcast.item<double>()}"));
    return 0;
}

static int Train(DistributedEnvironment? environment, string weightsFile, string runFolder, bool corruptMask, int stopAfterEpoch)
{
    var worldSize = environment?.WorldSize ?? 1;
    if (environment is not null) distributed.init_process_group("gloo", environment, TimeSpan.FromSeconds(60));
    var (allTraining, _) = FashionMnist.Load();
    var images = allTraining.Subset([.. Enumerable.Range(0, 256).Select(i => (long)i)]);
    using var train = new DeviceBatches(images, CPU);  // the trainer takes this rank's shard of it

    manual_seed(Seed);
    using var model = ModelCatalog.Find("lenet5")!.Create();
    Initialization.KaimingNormal(model);
    RandomMasks.Apply(model, LayerDensities.For(model.Info, Allocation.Erk, 0.1), Seed, MaskSampling.Exact);
    if (corruptMask && environment is { Rank: 1 })
        using (no_grad())
        using (NewDisposeScope())
            model.MaskedLayers[0].Layer.weight_mask.view(-1).narrow(0, 0, 1).neg_().add_(1);  // 0 <-> 1
    if (environment is not null) MaskAgreement.Check(model);

    var settings = new TrainingSettings { Epochs = 2, BatchSize = GlobalBatch / worldSize, LearningRate = 0.05, Seed = Seed };
    var checkpoints = new CheckpointOptions(runFolder)
    {
        Policy = "erk@0.1",
        Configuration = """{"model":"lenet5"}""",
        OnResumed = epoch => Console.WriteLine($"resumed {epoch}"),
    };
    using var stop = new CancellationTokenSource();
    IReadOnlyList<EpochMetrics> history;
    try
    {
        history = new Trainer(settings) { Distributed = environment is not null }.Train(model, train, null,
            m => { if (m.Epoch == stopAfterEpoch) stop.Cancel(); }, stop.Token, checkpoints);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine($"stopped after epoch {stopAfterEpoch}");
        return 6;
    }
    using (var file = File.Create(weightsFile))
        foreach (var (_, tensor) in model.state_dict())
            file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.to(ScalarType.Float32).data<float>().AsSpan()));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"trained rank {environment?.Rank ?? 0}/{worldSize}: train loss {history[^1].Train.Loss:R} over {history[^1].Train.Count} samples"));
    return 0;
}
