using System.Diagnostics;
using System.Globalization;
using SparseDsl;
using SparseDsl.Data;
using SparseDsl.Generated;
using SparseDsl.Sparsity;
using SparseDsl.Training;
using static SparseDsl.Torch.torch;

// Same protocol as bench/pytorch_step.py: 50 pre-made batches of real Fashion-MNIST, 10 warm-up steps,
// then `repeats` timed runs of `steps` steps; prints the median steps/s as one JSON line per configuration.
var threads = Arg("--threads", 2);
var steps = Arg("--steps", 200);
var repeats = Arg("--repeats", 5);
var batchSize = Arg("--batch", 128);
set_num_threads(threads);

var (train, _) = FashionMnist.Load();
using var data = new DeviceBatches(train.Subset([.. Enumerable.Range(0, batchSize * 50).Select(i => (long)i)]), CPU);
var batches = data.Epoch(batchSize, shuffle: false, seed: 0, epoch: 0).Select(b => (b.Input.DetachFromDisposeScope(), b.Target.DetachFromDisposeScope())).ToList();

foreach (var name in new[] { "lenet5", "mlp" })
    foreach (var density in new[] { 1.0, 0.1 })
        Console.WriteLine(Measure(name, density));

string Measure(string name, double density)
{
    var entry = ModelCatalog.Find(name) ?? throw new ArgumentException($"unknown model {name}");
    manual_seed(17);
    using var model = entry.Create();
    var allocation = density < 1 ? Allocation.Erk : Allocation.Dense;
    RandomMasks.Apply(model, LayerDensities.For(model.Info, allocation, density), 17, MaskSampling.Bernoulli);
    var settings = new TrainingSettings { LearningRate = 0.05 };
    using var optimizer = MaskedSgd.Create(model, settings);

    void Step((Tensor X, Tensor Y) batch)
    {
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(model.forward(batch.X), batch.Y);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }

    foreach (var b in batches.Take(10)) Step(b);
    var rates = new List<double>();
    for (var r = 0; r < repeats; r++)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++) Step(batches[i % batches.Count]);
        rates.Add(steps / clock.Elapsed.TotalSeconds);
    }
    rates.Sort();
    return string.Create(CultureInfo.InvariantCulture,
        $"{{\"engine\": \"sparsedsl\", \"model\": \"{name}\", \"density\": {density}, \"steps_per_s\": {rates[rates.Count / 2]}, \"min\": {rates[0]}, \"max\": {rates[^1]}, \"repeats\": {repeats}, \"steps\": {steps}, \"threads\": {get_num_threads()}}}");
}

int Arg(string flag, int fallback)
{
    var i = Array.IndexOf(args, flag);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
