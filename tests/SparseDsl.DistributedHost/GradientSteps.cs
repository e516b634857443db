using System.Globalization;
using SparseDsl.Generated;
using SparseDsl.Torch;
using static SparseDsl.Torch.torch;

/// <summary>The host's DistributedDataParallel modes: <c>overlap</c> and <c>unused</c> (see Program.cs).</summary>
internal static class GradientSteps
{
    public static int Overlap(DistributedEnvironment environment, double bucketCapMb)
    {
        distributed.init_process_group("gloo", environment, TimeSpan.FromSeconds(60));
        manual_seed(5);
        using var model = ModelCatalog.Find("lenet5")!.Create();
        using var replica = new nn.parallel.DistributedDataParallel(model, bucketCapMb);
        using var generator = new Generator(100 + (ulong)environment.Rank);  // each rank its own batches
        long? handlesAfterFirst = null;
        for (var step = 1; step <= 3; step++)
        {
            using (NewDisposeScope())
            {
                var x = randn([8, 1, 28, 28], generator: generator);
                var y = randint(10, [8], generator: generator);
                replica.sync_buffers();
                var loss = nn.functional.cross_entropy(model.forward(x), y);
                model.zero_grad();
                loss.backward();
                var (fromHand, fromLocal) = Compare(model, replica.wait_for_gradients);
                var stats = replica.bucket_stats();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"step {step} buckets {stats.Buckets} started during backward {stats.StartedDuringBackward} held {stats.HeldBetweenSteps} " +
                    $"off by hand {fromHand} off local {(fromLocal > 0 ? "yes" : "no")}"));
            }
            if (step == 1) handlesAfterFirst = LiveTensorHandles;
            else Console.WriteLine($"step {step} handles grew {LiveTensorHandles - handlesAfterFirst}");
        }
        return 0;
    }

    public static int Unused(DistributedEnvironment environment)
    {
        distributed.init_process_group("gloo", environment, TimeSpan.FromSeconds(60));
        manual_seed(5);
        using var model = new WithSpareHead();
        using var replica = new nn.parallel.DistributedDataParallel(model);
        using var generator = new Generator(100 + (ulong)environment.Rank);
        // Step 1 leaves the spare head out of the loss; step 2 runs backward twice before one wait (the second pass's
        // hooks fail inside the autograd engine: the failure must surface from the wait); step 3 uses everything.
        foreach (var step in new[] { "spare left out", "two backward passes", "all used" })
        {
            using var scope = NewDisposeScope();
            var x = randn([4, 6], generator: generator);
            Tensor Loss(bool withSpare) => (withSpare ? model.forward(x) + model.spare.forward(x) : model.forward(x)).square().mean();
            model.zero_grad();
            Loss(withSpare: step != "spare left out").backward();
            if (step == "two backward passes") Loss(withSpare: true).backward();
            try
            {
                var (fromHand, _) = Compare(model, replica.wait_for_gradients);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step}: off by hand {fromHand} held {replica.bucket_stats().HeldBetweenSteps}"));
            }
            catch (TorchException e)
            {
                Console.WriteLine($"{step}: error: {e.Message} held {replica.bucket_stats().HeldBetweenSteps}");
            }
        }
        return 0;
    }

    /// <summary>
    /// Runs <paramref name="waitForGradients"/> and returns the largest difference of its averaged gradients to an
    /// all-reduce of the local gradients made by hand, and to the local gradients themselves.
    /// </summary>
    private static (double FromHand, double FromLocal) Compare(nn.Module model, Action waitForGradients)
    {
        var parameters = model.parameters().ToList();
        var local = parameters.Select(p => p.grad?.clone()).ToList();  // none where the loss left a parameter out
        waitForGradients();
        var byHand = local.Select(g => g!.clone()).ToList();
        foreach (var g in byHand)
        {
            distributed.all_reduce(g);
            g.div_(distributed.get_world_size());
        }
        double fromHand = 0, fromLocal = 0;
        for (var i = 0; i < parameters.Count; i++)
        {
            fromHand = Math.Max(fromHand, (parameters[i].grad! - byHand[i]).abs().max().item<float>());
            fromLocal = Math.Max(fromLocal, (parameters[i].grad! - local[i]!).abs().max().item<float>());
        }
        return (fromHand, fromLocal);
    }

    /// <summary>A linear layer and a second one that the loss may leave out.</summary>
    private sealed class WithSpareHead : nn.Module<Tensor, Tensor>
    {
        public readonly SparseDsl.Torch.Modules.Linear body = nn.Linear(6, 3);
        public readonly SparseDsl.Torch.Modules.Linear spare = nn.Linear(6, 3);

        public WithSpareHead() : base(nameof(WithSpareHead))
        {
            register_module(nameof(body), body);
            register_module(nameof(spare), spare);
        }

        public override Tensor forward(Tensor input) => body.forward(input);
    }
}
