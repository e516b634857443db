using System.Globalization;
using SparseDsl;
using SparseDsl.Checkpoints;
using SparseDsl.Data;
using SparseDsl.Generated;
using SparseDsl.Sparsity;
using SparseDsl.Training;
using static SparseDsl.Torch.torch;

// Trains a 90%-sparse LeNet-5 on a small, fixed slice of Fashion-MNIST with a checkpoint every epoch in the run
// folder given as the first argument, resuming from it when present. It reports on stdout, one line each:
// "resumed E", "epoch E done" (after that epoch's checkpoint is on disk), "paused ..." and "finished".
// Pause options make it stop at an exact point and wait, so the test can kill it there:
//   --pause-after-epoch E   after epoch E's checkpoint;    --pause-at E:S   after step S of epoch E (mid-epoch).
// A paused host exits with code 3 when its stdin closes (the test ended without killing it).
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: SparseDsl.ResumeHost <run-folder> [--pause-after-epoch E] [--pause-at E:S]");
    return 2;
}
var runFolder = args[0];
int? pauseAfterEpoch = null;
(int Epoch, int Step)? pauseAt = null;
for (var i = 1; i + 1 < args.Length; i += 2)
{
    if (args[i] == "--pause-after-epoch") pauseAfterEpoch = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    else if (args[i] == "--pause-at" && args[i + 1].Split(':') is [var e, var s])
        pauseAt = (int.Parse(e, CultureInfo.InvariantCulture), int.Parse(s, CultureInfo.InvariantCulture));
    else
    {
        Console.Error.WriteLine($"unknown option {args[i]}");
        return 2;
    }
}

// One thread: libtorch's CPU kernels are then deterministic run to run, which bitwise comparison needs.
set_num_threads(1);
const long Seed = 17;
var (allTraining, _) = FashionMnist.Load();
using var train = new DeviceBatches(allTraining.Subset([.. Enumerable.Range(0, 1024).Select(i => (long)i)]), CPU);
using var validation = new DeviceBatches(allTraining.Subset([.. Enumerable.Range(1024, 256).Select(i => (long)i)]), CPU);

manual_seed(Seed);
using var model = ModelCatalog.Find("lenet5")!.Create();
Initialization.KaimingNormal(model);
RandomMasks.Apply(model, LayerDensities.For(model.Info, Allocation.Erk, 0.1), Seed, MaskSampling.Exact);

static void Pause(string where)
{
    Console.WriteLine($"paused {where}");
    Console.In.ReadLine();
    Environment.Exit(3);
}

// 4 epochs, lr ×0.1 after epochs 2 and 3: a resume crosses schedule milestones.
var settings = new TrainingSettings { Epochs = 4, BatchSize = 128, Seed = Seed };
var trainer = new Trainer(settings)
{
    OnStep = p =>
    {
        if (pauseAt == (p.Epoch, p.Step)) Pause($"at {p.Epoch}:{p.Step}");
    },
};
var checkpoints = new CheckpointOptions(runFolder)
{
    Policy = "erk@0.1",
    Configuration = """{"model":"lenet5","policy":"erk@0.1","train":1024}""",
    OnResumed = epoch => Console.WriteLine($"resumed {epoch}"),
};
trainer.Train(model, train, validation, m =>
{
    Console.WriteLine($"epoch {m.Epoch} done");
    if (pauseAfterEpoch == m.Epoch) Pause($"after {m.Epoch}");
}, CancellationToken.None, checkpoints);
Console.WriteLine("finished");
return 0;
