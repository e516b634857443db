using System.Diagnostics;
using System.Globalization;
using SparseDsl;
using SparseDsl.Data;
using SparseDsl.Generated;
using SparseDsl.Modeling;
using SparseDsl.Sparsity;
using SparseDsl.Torch;
using SparseDsl.Training;
using static SparseDsl.Torch.torch;

// One configuration per process (so the peak resident set belongs to it alone), same protocol as
// bench/pytorch_step.py: 50 pre-made batches, 10 warm-up steps, then `repeats` timed runs of `steps` steps.
// Prints one JSON line: median steps/s, min, max, peak RSS and the model's forward MACs per sample.
//   SparseDsl.Bench --model cifar_resnet_20 --density 0.1 [--steps 50] [--repeats 5] [--threads 2] [--batch 128]
//                   [--device cpu|cuda] [--precision fp32|bf16|fp16] [--memory-format contiguous|channels_last]
// channels_last on the CPU is for measurement only (full batches of 128): the runner refuses it there, see
// bench/channels_last_crash.py. On CUDA each timed repeat ends with a device synchronisation, so the clock covers the queued kernels.
// Started with the launch environment (MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK; bench/ddp_step.sh does
// it), each process is one rank of data-parallel training over Gloo: --batch is then the per-rank batch, gradients
// are averaged through DistributedDataParallel (buckets of --bucket-mb MiB, default 25), and rank 0 alone prints.
var modelName = Text("--model", "lenet5");
var density = double.Parse(Text("--density", "1"), CultureInfo.InvariantCulture);
var threads = Number("--threads", 2);
var steps = Number("--steps", 100);
var repeats = Number("--repeats", 5);
var batchSize = Number("--batch", 128);
var device = new SparseDsl.Torch.Device(Text("--device", "cpu"));
var precision = Enum.Parse<Precision>(Text("--precision", "fp32"), ignoreCase: true);
var bucketMb = double.Parse(Text("--bucket-mb", "25"), CultureInfo.InvariantCulture);
var memoryFormat = Text("--memory-format", "contiguous") switch
{
    "contiguous" => MemoryFormat.Contiguous,
    "channels_last" => MemoryFormat.ChannelsLast,
    var other => throw new ArgumentException($"--memory-format {other}: expected contiguous or channels_last"),
};
set_num_threads(threads);
if (MixedPrecision.Problem(precision, device.type) is { } problem) throw new ArgumentException(problem);
var launch = DistributedEnvironment.FromProcess();
if (launch is not null) distributed.init_process_group("gloo", launch);

var entry = ModelCatalog.Find(modelName) ?? throw new ArgumentException($"unknown model {modelName}");
var batches = MakeBatches(entry.Info, batchSize, 50).Select(b => Moved(b, device)).ToList();
manual_seed(17);
using var model = entry.Create();
var allocation = density < 1 ? Allocation.Erk : Allocation.Dense;
// Bernoulli masks, as the official Random_Pruning code draws them; a dense run has no masks at all.
if (density < 1) RandomMasks.Apply(model, LayerDensities.For(model.Info, allocation, density), 17, MaskSampling.Bernoulli);
model.to(device);
model.to(memoryFormat);
var scaler = MixedPrecision.Scaler(precision);
using var optimizer = MaskedSgd.Create(model, new TrainingSettings { LearningRate = 0.05 });
using var replica = launch is null ? null : new nn.parallel.DistributedDataParallel(model, bucketMb,
    buffer_filter: name => !name.EndsWith(nameof(IMaskedLayer.weight_mask), StringComparison.Ordinal));

foreach (var b in batches.Take(10)) Step(b);
var rates = new List<double>();
for (var r = 0; r < repeats; r++)
{
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < steps; i++) Step(batches[i % batches.Count]);
    if (device.type == SparseDsl.Torch.DeviceType.CUDA) cuda.synchronize(device);
    rates.Add(steps / clock.Elapsed.TotalSeconds);
}
rates.Sort();
if (launch is not null) distributed.destroy_process_group();
var weightMacs = entry.Info.Layers.Where(l => l.Kind is LayerKind.Conv2d or LayerKind.Linear).Sum(l => l.MacsPerSample);
if (launch is not { Rank: > 0 })
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"engine\": \"sparsedsl\", \"model\": \"{modelName}\", \"density\": {density}, \"device\": \"{device.type.ToString().ToLowerInvariant()}\", \"precision\": \"{precision.ToString().ToLowerInvariant()}\", \"steps_per_s\": {rates[rates.Count / 2]}, " +
    $"\"min\": {rates[0]}, \"max\": {rates[^1]}, \"repeats\": {repeats}, \"steps\": {steps}, \"batch\": {batchSize}, " +
    $"\"world_size\": {launch?.WorldSize ?? 1}, \"bucket_mb\": {bucketMb}, \"ms_per_step\": {1000 / rates[rates.Count / 2]}, " +
    $"\"memory_format\": \"{(memoryFormat == MemoryFormat.ChannelsLast ? "channels_last" : "contiguous")}\", " +
    $"\"threads\": {get_num_threads()}, \"peak_rss_mb\": {PeakResidentMegabytes()}, \"weight_macs_per_sample\": {weightMacs}}}"));
foreach (var (x, y) in batches) { x.Dispose(); y.Dispose(); }

void Step((Tensor X, Tensor Y) batch)
{
    using var scope = NewDisposeScope();
    replica?.sync_buffers();
    Tensor loss;
    using (MixedPrecision.Autocast(precision, device)) loss = nn.functional.cross_entropy(model.forward(batch.X), batch.Y);
    optimizer.zero_grad();
    scaler.scale(loss).backward();
    replica?.wait_for_gradients();
    scaler.step(optimizer);
    scaler.update();
}

static (Tensor, Tensor) Moved((Tensor X, Tensor Y) batch, SparseDsl.Torch.Device device)
{
    if (device.type == SparseDsl.Torch.DeviceType.CPU) return batch;
    var moved = (batch.X.to(device).DetachFromDisposeScope(), batch.Y.to(device).DetachFromDisposeScope());
    batch.X.Dispose();
    batch.Y.Dispose();
    return moved;
}

// Real Fashion-MNIST for 1×28×28 models; seeded random images of the model's input shape otherwise (no CIFAR
// data on the benchmark machine — step time does not depend on pixel values).
static List<(Tensor, Tensor)> MakeBatches(ModelInfo info, int batchSize, int count)
{
    if (info.InputShape.SequenceEqual([1L, 28, 28]))
    {
        var (train, _) = FashionMnist.Load();
        using var data = new DeviceBatches(train.Subset([.. Enumerable.Range(0, batchSize * count).Select(i => (long)i)]), CPU);
        return [.. data.Epoch(batchSize, shuffle: false, seed: 0, epoch: 0).Select(b => (b.Input.DetachFromDisposeScope(), b.Target.DetachFromDisposeScope()))];
    }
    using var generator = new Generator(0);
    long[] shape = [batchSize, .. info.InputShape];
    var classes = info.OutputShape[^1];
    return [.. Enumerable.Range(0, count).Select(_ => (randn(shape, generator: generator), randint(classes, [batchSize], generator: generator)))];
}

static long PeakResidentMegabytes()
{
    // VmHWM: the high-water mark of the resident set, in kB.
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

string Text(string flag, string fallback)
{
    var i = Array.IndexOf(args, flag);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int Number(string flag, int fallback) => int.Parse(Text(flag, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
